/** <Todo> placeholders: found with their line, skipped inside MDX comments. */
import { describe, expect, it } from 'vitest';
import { todoMessage, todosIn } from '../../src/report/todos.ts';

describe('todosIn', () => {
  it('finds each <Todo> with its line, ignoring notes in MDX comments', () => {
    const source = [
      '## Summary', // 1
      '{/* a note: replace every <Todo>x</Todo> */}', // 2
      '<Todo>Write the', // 3
      'conclusions.</Todo>', // 4
      '| a | <Todo>owner</Todo> | <Todo /> |', // 5
      '{/* two-line', // 6
      '   <Todo>hidden</Todo> */}', // 7
      'done', // 8
    ].join('\n');
    expect(todosIn(source, 'r/index.mdx')).toEqual([
      { file: 'r/index.mdx', line: 3, text: 'Write the conclusions.' },
      { file: 'r/index.mdx', line: 5, text: 'owner' },
      { file: 'r/index.mdx', line: 5, text: '' },
    ]);
    expect(todosIn('no placeholders', 'x.mdx')).toEqual([]);
  });

  it('lists every placeholder in the refusal', () => {
    expect(todoMessage([{ file: 'a.mdx', line: 7, text: 'goal' }], 'build')).toBe(
      '1 placeholder (<Todo>) still in the report; write it, or add --draft to build a draft:\n  a.mdx:7  goal',
    );
  });
});
