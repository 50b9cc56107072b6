// A bare unfenced traceback in a short body; open, nobody answered.
export default {
  url: 'https://github.com/ignasrum/hocort/issues/10',
  split: 'heldout',
  ecosystem: 'python',
  styles: ['unfenced traceback', 'version in prose', 'open, no answer'],
  repo: 'ignasrum/hocort',
  issue: {
    number: 10, title: "ModuleNotFoundError: No module named 'hocort'", state: 'open',
    author: 'x-meng', created_at: '2025-02-26T10:00:00Z',
    body: `Hi,

Once I installed the newest release, 1.2.2, I get the errors below.

Traceback (most recent call last):
  File "/home/ec2-user/miniconda3/envs/hocort/bin/hocort", line 7, in <module>
    from hocort.__main__ import main
ModuleNotFoundError: No module named 'hocort'`,
  },
  comments: [],
  gold: {
    status: { must_contain: ['open'], must_not_contain: ['fixed', 'closed', 'workaround'] },
    sections: {
      error_messages: ["ModuleNotFoundError: No module named 'hocort'"],
      environment: ['1.2.2'],
      root_cause: [],
      fix: [],
      workaround: [],
    },
    notes: ['Unfenced traceback: File "...hocort/bin/hocort", in <module>, from hocort.__main__ import main must keep their bytes. The version is in prose ("the newest release, 1.2.2").'],
  },
};
