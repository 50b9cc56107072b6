// A terse report with no error text ("the error is a long one") and a
// typo'd version in the title; a contributor's hedged idea ("I believe
// Project.toml has a way to force a downgrade to 1.10.2", then "a bit
// drastic") is the workaround, taken up by the reporter in the last comment
// after a collaborator names the cause in another repository by URL.
// Still open.
export default {
  url: 'https://github.com/SciML/StructuralIdentifiability.jl/issues/321',
  reconstructed: 'author associations; JuliaLang/julia#54356 (its body shortened after the reproducer, its output left out)',
  split: 'tuning',
  ecosystem: 'julia',
  styles: ['hedged suggestion in a middle comment', 'accepted by the reporter', 'cause tracked in another repository by URL', 'no error text', 'typo in the version', 'open'],
  repo: 'SciML/StructuralIdentifiability.jl',
  issue: {
    number: 321, title: 'Cannot precompile on v1.10.30', state: 'open',
    author: 'torkel-e', author_association: 'CONTRIBUTOR', labels: ['bug'], created_at: '2024-05-08T08:00:00Z',
    body: `It stopped working with the newest julia version
\`\`\`julia
using StructuralIdentifiability
\`\`\`
the error is a long one. Here is the environment:
\`\`\`
]Pkg
Status \`~/Desktop/Julia Playground/Environment - Temporary/Project.toml\`
  [220ca800] StructuralIdentifiability v0.5.7
\`\`\``,
  },
  comments: [
    ['ore-bas', 'CONTRIBUTOR', `I think a fix for this has been submitted to julia base.
Until then, I believe Project.toml has a way to force a downgrade to 1.10.2 whenever this package is installed.  That is a bit drastic though, one could also wait and see whether 1.10.4 comes out soon.`],
    ['sumiya-11', 'COLLABORATOR', `Hi @torkel-e , thanks for the report, yes, this looks like a bug in Julia 1.10.3:

https://github.com/JuliaLang/julia/issues/54356

I think a fix should land in Julia 1.10.4.`],
    ['torkel-e', 'CONTRIBUTOR', 'Looks like you have it all in hand, many thanks 🙂. Restricting things to 1.10.2 makes sense, I will do that'],
  ],
  items: [
    { repo: 'JuliaLang/julia', number: 54356, title: 'Segmentation fault on 1.10.3 during precompilation of StructuralIdentifiability.jl', state: 'closed', state_reason: 'completed',
      author: 'sumiya-11', labels: ['types and dispatch'], created_at: '2024-05-04T08:00:00Z',
      body: `The CI of StructuralIdentifiability.jl began failing around the 1.10.3 release: https://github.com/SciML/StructuralIdentifiability.jl/commit/82ba1e8cab4a33d66524d46964ecdf71df09bfce. StructuralIdentifiability.jl precompiles fine on 1.10.2, but not on 1.10.3.

I can't tell whether something is wrong in the StructuralIdentifiability.jl code or this is a bug in Julia, so I'm opening this to see if anyone has an idea.

MnWE:

\`\`\`julia
import Pkg; Pkg.activate(temp=true)
Pkg.add(url="https://github.com/SciML/StructuralIdentifiability.jl")
\`\`\`` },
  ],
  gold: {
    status: { must_contain: ['open', 'workaround', 'JuliaLang/julia#54356'], must_not_contain: ['fixed by', 'duplicate', 'closed'] },
    links: [{ from: 'SciML/StructuralIdentifiability.jl#321', to: 'JuliaLang/julia#54356', kind: 'mentions' }],
    linked_pulls: [],
    sections: {
      error_messages: [],
      reproduction: ['using StructuralIdentifiability'],
      environment: ['StructuralIdentifiability v0.5.7'],
      root_cause: ['bug in Julia 1.10.3'],
      workaround: ['force a downgrade to 1.10.2', 'Restricting things to 1.10.2'],
      fix: ['fix should land in Julia 1.10.4'],
    },
    must_not: {
      workaround: ['wait and see whether 1.10.4', 'have it all in hand'],
      fix: ['Restricting things to 1.10.2'],
      root_cause: ['the error is a long one', 'It stopped working'],
      environment: ['1.10.4'],
    },
    notes: [
      'No error text is given ("the error is a long one"), so there is no error item. The title\'s "v1.10.30" is a typo for Julia 1.10.3; the only stated environment fact of the reporter is the package status line.',
      'A contributor offers, hedged, to pin Julia to 1.10.2 through Project.toml and calls it drastic; a collaborator names the cause (a bug in Julia 1.10.3, tracked in JuliaLang/julia#54356, given as a URL) and expects the fix in Julia 1.10.4; the reporter then takes up the pin ("Restricting things to 1.10.2 makes sense, I will do that"). The pin is the workaround (the suggestion and its acceptance); waiting for 1.10.4 is no workaround, and the expected upstream fix is the fix section, not something applied here.',
      'The issue stays open with a known workaround and the cause tracked elsewhere, so the status must say open, name the workaround and the Julia issue, and claim no fix here.',
    ],
  },
};
