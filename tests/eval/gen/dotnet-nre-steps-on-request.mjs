#!/usr/bin/env node
// World: a WPF desktop app crashes with System.NullReferenceException (stack
// trace in the body); a maintainer asks for exact steps and the reporter
// gives them as a numbered list in their SECOND comment, with a side note
// that pressing Esc avoids it; a maintainer explains the cause; fixed by a
// merged pull whose body starts "Closes #512" (the root never names it).
import { comment, emit, issue, pull } from '../../lib/worldgen.mjs';

const REPO = 'fernhill-soft/ledgerpad';

const body = `LedgerPad crashes with an unhandled exception when I export a ledger to PDF. Not every time, but when it happens the whole window closes and unsaved changes are lost.

The crash dialog shows this (copied with the "Copy details" button):

\`\`\`
System.NullReferenceException: Object reference not set to an instance of an object.
   at LedgerPad.Export.PdfExporter.RenderHeader(PageContext ctx) in D:\\a\\ledgerpad\\src\\LedgerPad.Export\\PdfExporter.cs:line 143
   at LedgerPad.Export.PdfExporter.ExportAsync(LedgerDocument doc, String path, CancellationToken ct) in D:\\a\\ledgerpad\\src\\LedgerPad.Export\\PdfExporter.cs:line 61
   at LedgerPad.App.ViewModels.ExportViewModel.<ExportPdfAsync>d__27.MoveNext() in D:\\a\\ledgerpad\\src\\LedgerPad.App\\ViewModels\\ExportViewModel.cs:line 112
--- End of stack trace from previous location ---
   at Fernhill.Mvvm.AsyncCommand.<ExecuteAsync>d__14.MoveNext()
   at System.Threading.Tasks.Task.<>c.<ThrowAsync>b__128_1(Object state)
   at System.Windows.Threading.ExceptionWrapper.InternalRealCall(Delegate callback, Object args, Int32 numArgs)
   at System.Windows.Threading.ExceptionWrapper.TryCatchWhen(Object source, Delegate callback, Object args, Int32 numArgs, Delegate catchHandler)
\`\`\`

Environment:
- LedgerPad 4.3.1, x64 installer from the website
- Windows 11 Pro 23H2
- .NET Desktop Runtime 8.0.6
`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 512,
          title: 'NullReferenceException when exporting to PDF after closing the preview tab',
          body,
          state: 'closed',
          state_reason: 'completed',
          author: 'hallvard-strand',
          labels: ['bug', 'export'],
          created_at: '2026-03-02T07:55:00Z',
          closed_at: '2026-03-06T15:20:00Z',
          updated_at: '2026-03-09T09:00:00Z',
          comments: [
            comment('hallvard-strand', 'NONE', '2026-03-02T08:31:00Z',
              `Small addition: the portable zip build does the same, so it is not something the installer did.`),
            comment('sigrun-achterberg', 'MEMBER', '2026-03-02T13:04:00Z',
              `Thanks for the trace. Line 143 is where the exporter reads the header template. I can't get it to crash here though. Could you write down the exact steps, starting from a fresh start of the app?`),
            comment('hallvard-strand', 'NONE', '2026-03-03T19:42:00Z',
              `Took me a while, but now it crashes every single time:

1. Start LedgerPad and open any ledger with at least two pages (I used the sample Household 2025.ledger).
2. Click Print preview so the preview tab opens.
3. Close the preview tab with the x on the tab itself.
4. Without reopening the preview, choose File > Export > PDF and pick any folder.
5. Click Save. The app closes with the exception above.

If I press Esc in step 3 instead of clicking the x, the export works fine, so that is what I do for now.`),
            comment('sigrun-achterberg', 'MEMBER', '2026-03-04T10:15:00Z',
              `Reproduced with your steps, thank you. Closing the tab with its x goes through a different path than Esc: it disposes the template cache of the preview. The exporter borrows the PageContext of the preview, so afterwards ctx.HeaderTemplate is null and RenderHeader falls over. Esc only hides the preview, which is why it works.`),
            comment('sigrun-achterberg', 'MEMBER', '2026-03-09T09:00:00Z',
              `The fix is in LedgerPad 4.3.2, released today.`),
          ],
          events: [
            { type: 'labeled', actor: 'sigrun-achterberg', created_at: '2026-03-04T10:16:00Z', label: 'export' },
            { type: 'closed', actor: 'sigrun-achterberg', created_at: '2026-03-06T15:20:00Z', closer: `${REPO}#519` },
          ],
        }),
        pull({
          number: 519,
          title: 'Rebuild the page template when the preview cache was disposed',
          body: `Closes #512

PdfExporter took its PageContext from the preview pane. Once the preview tab was closed with its close button, the pane disposed its template cache, the cached header template was gone, and RenderHeader dereferenced null. The exporter now builds its own PageContext from the document and no longer depends on the preview being alive.

Adds a UI test that closes the preview tab before exporting to PDF.`,
          state: 'closed',
          author: 'sigrun-achterberg',
          author_association: 'MEMBER',
          created_at: '2026-03-05T08:40:00Z',
          closed_at: '2026-03-06T15:20:00Z',
          merged: true,
          head: 'fix/export-own-page-context',
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
