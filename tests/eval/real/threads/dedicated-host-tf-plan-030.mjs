// A four-paragraph body and no comments. The reproduction is a pasted
// shell session (`$ tf plan` with Terraform's box-drawn error) and a
// sentence saying the registry example was copied; the cause hides in the
// same sentence (the example pins 0.2.1); the reporter's own way out is the
// last line ("Switching to 0.3.0 made it work"). Months later the owner
// opens a docs pull with "✅ Closes: #6" that is still open while the issue
// is closed: a linked pull that proposes the fix but did not close it.
export default {
  url: 'https://github.com/DanielRDias/terraform-aws-dedicated-host/issues/6',
  reconstructed: 'who closed the issue and when (the stored copy has no comment; taken to be the owner, the day he opened #8); the author associations',
  split: 'tuning',
  ecosystem: 'terraform',
  styles: ['pasted shell session in a fence', 'box-drawing error output', 'cause and step in one sentence', 'workaround in the body', 'open pull with a closing keyword on a closed issue', 'no comments'],
  repo: 'DanielRDias/terraform-aws-dedicated-host',
  issue: {
    number: 6, title: 'Use 0.3.0 in examples instead of 0.2.1', state: 'closed', state_reason: 'completed',
    author: 'yngvark', created_at: '2022-07-08T09:00:00Z', closed_at: '2022-10-17T12:00:00Z', closer: 'DanielRDias',
    body: `I couldn't get your module working, this is what I got

\`\`\`
$ tf plan
╷
│ Error: Unsupported argument
│ 
│   on mac-ec2.tf line 7, in module "dedicated-host":
│    7:   tags = {
│ 
│ An argument named "tags" is not expected here.
\`\`\`

since I had simply copy-pasted the example from https://registry.terraform.io/modules/DanielRDias/dedicated-host/aws/latest/examples/amazon , and that one pins version 0.2.1.

Switching to 0.3.0 made it work.`,
  },
  comments: [],
  items: [
    { type: 'pull', number: 8, title: 'docs: ✏️ update examples for v0.3.0', state: 'open', author: 'DanielRDias', author_association: 'OWNER',
      created_at: '2022-10-17T10:00:00Z', body: '✅ Closes: #6' },
  ],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['fixed by #8', 'duplicate', 'not planned'] },
    links: [
      { from: 'DanielRDias/terraform-aws-dedicated-host#8', to: 'DanielRDias/terraform-aws-dedicated-host#6', kind: 'closes' },
      { from: 'DanielRDias/terraform-aws-dedicated-host#8', to: 'DanielRDias/terraform-aws-dedicated-host#6', kind: 'cross_referenced' },
    ],
    linked_pulls: ['DanielRDias/terraform-aws-dedicated-host#8'],
    sections: {
      error_messages: ['An argument named "tags" is not expected here'],
      reproduction: ['tf plan', 'copy-pasted the example from'],
      root_cause: ['that one pins version 0.2.1'],
      fix: ['update examples for v0.3.0'],
      workaround: ['Switching to 0.3.0 made it work'],
    },
    must_not: {
      workaround: ['update examples for v0.3.0', 'Closes: #6'],
      environment: ['Switching to 0.3.0'],
    },
    notes: [
      'The reproduction is the pasted session (the command $ tf plan and its output) together with the sentence saying the registry example (examples/amazon) was copied as is. That sentence also carries the cause: the example pins the module\'s 0.2.1, which does not take a tags argument. Cause and step come from the same sentence, so each section quotes its own part of it.',
      'The error is the one Terraform diagnostic; "Error: Unsupported argument" and "An argument named "tags" is not expected here." are two lines of the same error, one item.',
      'The reporter\'s last line is his own way out, in the body: use version 0.3.0. It is a workaround on the user\'s side; the fix the title asks for is to update the examples, which is what the owner\'s pull #8 (docs: update examples for v0.3.0, body "Closes: #6") proposes. #8 is still open and unmerged while the issue is closed (closed by hand, not by #8), so the status must not claim the issue was fixed by #8. The closing keyword in an open pull\'s body still draws a closes edge, and GitHub records the cross-reference on #6; #8 is a linked pull.',
      'No environment is given beyond the module versions of the example (0.2.1, the cause) and of the remedy (0.3.0, the workaround); the environment section is not judged, except that the workaround sentence must not be taken for one.',
    ],
  },
};
