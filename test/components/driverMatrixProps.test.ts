import { describe, expect, it } from 'vitest';
import { driverMatrixProps, parseProps } from '../../src/components/chartProps.ts';

describe('<DriverMatrix> props', () => {
  it('needs data with a drivers spec, or a drivers result', () => {
    expect(() => parseProps('DriverMatrix', driverMatrixProps, { title: 'T', data: 'x.csv' }, '/gallery/')).toThrow(
      '<DriverMatrix> on /gallery/: prop "spec": a chart computed from data needs an analysis spec',
    );
    expect(() =>
      parseProps('DriverMatrix', driverMatrixProps, { title: 'T', result: { outcome: 'q', score: 'ces' } }, '/g/'),
    ).toThrow('<DriverMatrix> on /g/: prop "result.score"');
    const props = parseProps(
      'DriverMatrix',
      driverMatrixProps,
      { title: 'T', data: 'x.csv', spec: { outcome: '整体满意度', by: 'segment' }, segment: '年轻客群' },
      '/g/',
    );
    expect([props.spec?.outcome, props.spec?.by, props.spec?.minPerDriver, props.segment]).toEqual([
      '整体满意度',
      'segment',
      10,
      '年轻客群',
    ]);
  });
});
