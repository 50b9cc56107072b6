// Install errors in prose; the owner's e-mail reply (hard-wrapped, with an
// unfenced block of R code and a signature) offers another way in; the
// reporter's success report is a clean reinstall of R and RStudio.
export default {
  url: 'https://github.com/lilywang1988/eSIR/issues/4',
  split: 'tuning',
  ecosystem: 'r',
  styles: ['success-report workaround', 'reinstall', 'e-mail reply with signature', 'unfenced code', 'errors quoted in prose'],
  repo: 'lilywang1988/eSIR',
  issue: {
    number: 4, title: 'Unable to install package', state: 'closed', state_reason: 'completed',
    author: 'my-amor', created_at: '2020-04-04T10:00:00Z',
    body: `Hi, 

Thanks for making this!
Installing the package fails for me on R 3.6.0, and R 3.5.2 gave the same result. The message I keep getting is "package ‘C:~/eSIR_0.2.6.tar’ is not available (for R version 3.6.0)". Other times it says "cannot open compressed file 'eSIR_0.2.5.tgz/DESCRIPTION', probable reason 'No such file or directory'".`,
  },
  comments: [
    ['lily-w', 'OWNER', `Hi,

Sorry the install is not working for you. A friend of mine who is
on R3.6.0 tried it for me and it installed fine. As another route you
could source the url directly with the R code below.

Best,
Lili
# You might need to install the packages below
library(chron)
library(dplyr)
library(reshape2)
library(readr)
library(rjags)
library(gtools) #rdirichlet(n, alpha)
library(scales) #alpha function
library(ggplot2)
library(nCov2019)
library(chron)
library(data.table)

source_url("
https://github.com/lilywang1988/eSIR/blob/master/R/tvt.eSIR.R?raw=TRUE")
source_url("
https://github.com/lilywang1988/eSIR/blob/master/R/qh.eSIR.R?raw=TRUE")

On Sat, Apr 4, 2020 at 10:56 AM my-amor <notifications@github.com> wrote:

-- 
Ph.D. Candidate,
Biostatistics,
School of Public Health,
University of Michigan, Ann Arbor`],
    ['my-amor', 'NONE', 'Thanks a lot for replying. In the end I reinstalled R and RStudio and it works.'],
  ],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['fixed by', 'duplicate', 'not planned'] },
    sections: {
      error_messages: [
        'is not available (for R version 3.6.0)',
        "cannot open compressed file 'eSIR_0.2.5.tgz/DESCRIPTION'",
      ],
      environment: ['R 3.6.0', 'R 3.5.2'],
      workaround: ['source the url directly', 'tvt.eSIR.R?raw=TRUE', 'reinstalled R and RStudio'],
      root_cause: [],
      fix: [],
    },
    must_not: {
      workaround: ['Thanks for making this'],
      root_cause: ['tried it for me and it installed fine'],
      environment: ['Ph.D. Candidate', 'University of Michigan', 'Apr 4, 2020'],
      fix: ['reinstalled R and RStudio'],
    },
    notes: ['After the first run, "tried it for me and it installed fine" left the workaround must-not list: it is a sentence of the paragraph that offers the source_url route, and a workaround item is that paragraph; a separate item made of the friend\'s report would still be wrong, and none is made.', 'Two ways out: the owner offers to load the code straight from the repository with source_url (instruction sentence and the unfenced code under it), and the reporter then reports that a clean reinstall of R and RStudio made the install work. The reinstall is a local workaround, not a fix in the package; no cause is given ("a friend could install it" is no cause). The e-mail signature and quoted-reply header are not environment facts.'],
  },
};
