// Unfenced Windows prompt and compiler output, a frustrated question.
export default {
  url: 'https://github.com/microsoft/TypeScript/issues/38952',
  split: 'tuning',
  ecosystem: 'typescript',
  styles: ['unfenced Windows prompt', 'unfenced compiler output', 'version in prose'],
  repo: 'microsoft/TypeScript',
  issue: {
    number: 38952, title: 'Compilation error with sample program on Windows.', state: 'closed', state_reason: 'completed',
    author: 'bio-prog', labels: ['Question'], created_at: '2020-06-05T10:00:00Z',
    body: `I asked on StackOverflow but it's still happening. I reinstalled NodeJS (14.4.0) and the newest TypeScript via npm, and deleted my node_modules directory before reinstalling. The errors are *still* there and I'm out of ideas.

Thank you.

greet.ts

let greeting:string = "Hello TypeScript user!";
console.log(greeting);

C:\\Users\\CaitlinG\\sample2>tsc greet.ts
../node_modules/@types/mongodb/index.d.ts:553:22 - error TS2304: Cannot find name 'PromiseConstructor'.

553     promiseLibrary?: PromiseConstructor;
                         ~~~~~~~~~~~~~~~~~~

../node_modules/@types/mongodb/index.d.ts:2211:13 - error TS2339: Property 'asyncIterator' does not exist on type 'SymbolConstructor'.`,
  },
  comments: [],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['fixed by', 'duplicate'] },
    sections: {
      error_messages: ["error TS2304: Cannot find name 'PromiseConstructor'."],
      environment: ['NodeJS (14.4.0)'],
      reproduction: ['tsc greet.ts'],
      root_cause: [],
      fix: [],
    },
    notes: ['The prompt C:\\Users\\CaitlinG\\sample2>tsc greet.ts and the compiler output are unfenced. The stored thread has no answer; the report must invent neither cause nor fix.'],
  },
};
