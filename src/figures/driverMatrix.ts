/**
 * The driver matrix figure: importance against performance per touchpoint,
 * quadrants labelled, with its table and the finding naming what to fix first.
 *
 * @example
 *   driverMatrixFigure(drivers(table, { outcome: 'overall' }), { lang: 'en', segment: null }).finding;
 */
import type { DriversResult } from '../analytics/analyses/drivers.ts';
import {
  driverMatrixChart,
  driverMatrixFinding,
  driverMatrixModel,
  driverMatrixTable,
  type DriverMatrixOptions,
} from '../charts/driverMatrix.ts';
import { renderSvg } from '../charts/render.ts';
import type { Figure } from './figure.ts';

export function driverMatrixFigure(result: DriversResult, options: DriverMatrixOptions): Figure {
  const model = driverMatrixModel(result, options);
  return {
    svg: renderSvg(driverMatrixChart(model, options)),
    table: driverMatrixTable(model, options),
    finding: driverMatrixFinding(model, options),
    notes: [],
  };
}
