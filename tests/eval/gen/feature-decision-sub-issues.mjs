#!/usr/bin/env node
// World: a feature request turned discussion in a static site generator; no
// error anywhere; a maintainer's decision comment ("We'll do X ... Y is out
// of scope") with a YAML sketch of the agreed configuration; the agreed part
// split off into a sub-issue (#1447, parent: the root), and the root itself a
// sub-issue of a roadmap issue (#1400) that never mentions it in text. Open.
import { comment, emit, issue } from '../../lib/worldgen.mjs';

const REPO = 'wrenfield/loomcast';

const body = `Most themes ship full-size photos, because loomcast copies \`static/\` as is. On our travel blog a single post pulls 38 MB of JPEGs on a phone. I'd like loomcast to produce smaller variants at build time:

- resize to a few widths and write a \`srcset\` for images placed with the \`image\` shortcode
- convert to WebP and AVIF
- optionally rewrite image URLs to point at an image CDN

Right now we run this before every build:

\`\`\`sh
find static/photos -name '*.jpg' -exec mogrify -resize 1600x\\> -quality 82 -format webp {} +
\`\`\`

It works, but there's no srcset, and every theme author ends up reinventing the same script.
`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 1400,
          title: 'Roadmap: loomcast 2.0',
          body: `Tracking issue for 2.0. The individual items are attached as sub-issues; discussion belongs in them, not here.`,
          state: 'open',
          author: 'petra-novak',
          author_association: 'MEMBER',
          labels: ['roadmap'],
          created_at: '2026-01-05T09:00:00Z',
        }),
        issue({
          number: 1432,
          title: 'Built-in image processing (resize, WebP, AVIF)',
          body,
          state: 'open',
          author: 'ines-carvalho',
          labels: ['enhancement', 'discussion'],
          created_at: '2026-02-02T19:14:00Z',
          updated_at: '2026-02-13T08:02:00Z',
          parent: `${REPO}#1400`,
          comments: [
            comment('bram-devries', 'NONE', '2026-02-03T07:50:00Z',
              `+1 for AVIF, for photos it's noticeably smaller than WebP at the same quality.`),
            comment('kalani-akana', 'NONE', '2026-02-03T12:31:00Z',
              `Please keep it optional. Our CI image is tiny and we'd rather not pull in native libraries for a feature we don't use.`),
            comment('oleg-marchenko', 'CONTRIBUTOR', '2026-02-05T16:09:00Z',
              `For what it's worth: Go has good JPEG and PNG decoders and there is a usable pure-Go WebP encoder. AVIF encoding in pure Go isn't really there yet; it would mean cgo and libaom in every build.`),
            comment('petra-novak', 'MEMBER', '2026-02-12T17:45:00Z',
              `Thanks all, we went through this in Tuesday's maintainer call. Decision:

We'll do build-time resizing with srcset output and WebP conversion, in pure Go, configured by a new \`images:\` block and off by default:

\`\`\`yaml
images:
  widths: [480, 960, 1600]
  formats: [webp]
  quality: 82
\`\`\`

AVIF and CDN URL rewriting are out of scope. AVIF would need cgo and a native encoder in every build, and rewriting URLs belongs in a theme or a deploy step, not in the core. A pre-build step like yours, with -format avif, stays the recommended route for AVIF.

I've opened #1447 for the agreed part and put this issue on the 2.0 roadmap.`),
            comment('ines-carvalho', 'NONE', '2026-02-13T08:02:00Z',
              `Makes sense, thank you. We'll keep the mogrify step for AVIF and drop our WebP pass once this lands.`),
          ],
        }),
        issue({
          number: 1447,
          title: 'Build-time responsive image variants (resize, WebP, srcset)',
          body: `Sub-issue of #1432, for the part agreed there: an \`images:\` config block (widths, formats, quality), resizing and WebP encoding in pure Go at build time, and a srcset emitted by the \`image\` shortcode. Off by default. AVIF and URL rewriting are not part of this.`,
          state: 'open',
          author: 'petra-novak',
          author_association: 'MEMBER',
          labels: ['enhancement'],
          created_at: '2026-02-12T17:40:00Z',
          parent: `${REPO}#1432`,
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
