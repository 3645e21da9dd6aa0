/**
 * `journey new report` in a temp project folder: scaffolds the report from
 * checked data with proposed steps, refuses bad data (exit 1, the validator's
 * messages, nothing written), and never overwrites a report without --force.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandIO } from '../../src/cli/command.ts';
import { fillTemplate } from '../../src/cli/reportStarters.ts';
import { main } from '../../src/cli/main.ts';
import { parseReportConfig } from '../../src/report/reportConfig.ts';

let root = '';

function capture(cwd: string): CommandIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, cwd, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
}

const GOOD = [
  '用户ID,时间,动作,segment',
  // c1-c3 go all the way; c4 stops at 填表; c5 looks only.
  ...['c1', 'c2', 'c3'].flatMap((id, i) => [
    `${id},2026-03-0${i + 1} 09:00,浏览,new`,
    `${id},2026-03-0${i + 1} 09:05,填表,new`,
    `${id},2026-03-0${i + 1} 09:09,提交,returning`,
  ]),
  'c4,2026-03-05 10:00,浏览,new',
  'c4,2026-03-05 10:03,填表,new',
  'c5,2026-03-06 11:00,浏览,new',
].join('\n');

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'new-report-'));
  await mkdir(join(root, 'exports'));
  await writeFile(join(root, 'exports/good.csv'), GOOD + '\n');
  await writeFile(
    join(root, 'exports/问卷.csv'),
    ['客户,问题,评分,推荐意愿,意见', 'c1,提交,5,10,电话13800000000', 'c2,提交,2,6,', 'c4,填表,4,9,'].join('\n') + '\n',
  );
  await writeFile(
    join(root, 'exports/bad.csv'),
    [
      'customer_id,timestamp,event',
      'c1,2026-03-01 09:00,visit',
      ',2026-03-01 09:00,visit',
      'c3,yesterday,visit',
      'c4,2026-03-01 09:00,',
    ].join('\n') + '\n',
  );
});

afterAll(() => rm(root, { recursive: true, force: true }));

describe('journey new report', () => {
  it('scaffolds the report, its config, starters and a copy of the data, with the funnel proposed from the data', async () => {
    const io = capture(root);
    const code = await main(
      [
        'new',
        'report',
        'acme',
        '--lang',
        'zh',
        '--name',
        '示例公司',
        '--data',
        'exports/good.csv',
        '--map',
        'customer_id=用户ID,timestamp=时间,event=动作',
        '--tz',
        'Asia/Shanghai',
        '--brand',
        '#aa3300',
        '--date',
        '2026-04-01',
      ],
      io,
    );
    // Warnings (here: segment "returning" has 3 customers, under k) are counted, not fatal.
    expect(io.err).toEqual([
      'journey new report: 1 warning about exports/good.csv; run `journey check exports/good.csv --map customer_id=用户ID,timestamp=时间,event=动作 --tz Asia/Shanghai` to see them',
    ]);
    expect(code).toBe(0);
    const config = parseReportConfig(
      JSON.parse(await readFile(join(root, 'data/reports/acme/report.json'), 'utf8')),
      'report.json',
    );
    expect(config).toEqual({
      client: '示例公司',
      lang: 'zh',
      brand: '#aa3300',
      logo: null,
      k: 5,
      sources: [
        {
          kind: 'events',
          path: 'good.csv',
          map: { customer_id: '用户ID', timestamp: '时间', event: '动作' },
          tz: 'Asia/Shanghai',
        },
      ],
      currency: 'CNY',
      funnel: { steps: ['浏览', '填表', '提交'], window: '14d' },
      // Steps 4-5 minutes apart (median 4.5 min): the journey fits in sessions.
      paths: { session_gap: '30m', depth: 5 },
      purchase_event: '提交',
      what_if: { uplift: 0.2 },
      other_sources: [],
      publish: false,
    });
    expect(await readFile(join(root, 'data/reports/acme/good.csv'), 'utf8')).toBe(GOOD + '\n');
    const mdx = await readFile(join(root, 'content/reports/acme/index.mdx'), 'utf8');
    expect(mdx).toMatch(/^---\ntitle: "示例公司客户旅程分析报告"\nclient: "示例公司"\ndate: 2026-04-01\nlang: zh\n/);
    expect(mdx).toContain("brand: '#aa3300'");
    expect(mdx).toContain("await openReport('acme')");
    expect(mdx).not.toMatch(/\{\{/);
    for (const heading of [
      '## 执行摘要',
      '## 目标',
      '## 旅程模型与旅程地图',
      '### 转化漏斗',
      '### 客户路径',
      '### 留存',
      '### 满意度',
      '### 价值',
      '## 体验评估',
      '## 优先级排序的优化机会',
      '### 增量测算（What-if）',
      '## 建议与路线图',
      '## 如何衡量效果',
    ]) {
      expect(mdx).toContain(heading);
    }
    const map = parseYaml(await readFile(join(root, 'data/reports/acme/journey-map.yaml'), 'utf8')) as {
      stages: { name: string; events: string[] }[];
    };
    expect(map.stages.map((s) => s.events)).toEqual([['浏览'], ['填表'], ['提交']]);
    expect(io.out.join('\n')).toContain('浏览 → 填表 → 提交');
  });

  it('writes an English report with --lang en', async () => {
    const io = capture(root);
    expect(
      await main(
        [
          'new',
          'report',
          'acme-en',
          '--lang',
          'en',
          '--name',
          'Acme Ltd',
          '--data',
          'exports/good.csv',
          '--map',
          'customer_id=用户ID,timestamp=时间,event=动作',
        ],
        io,
      ),
    ).toBe(0);
    const mdx = await readFile(join(root, 'content/reports/acme-en/index.mdx'), 'utf8');
    expect(mdx).toContain('title: "Customer journey analysis for Acme Ltd"');
    expect(mdx).toContain('lang: en');
    expect(mdx).toContain('## Executive summary');
    expect(mdx).toContain('## Measuring the effect');
  });

  it('refuses bad data with the validator messages and exit 1, writing nothing', async () => {
    const io = capture(root);
    const code = await main(['new', 'report', 'broken', '--data', 'exports/bad.csv'], io);
    expect(code).toBe(1);
    const errors = io.err.join('\n');
    expect(errors).toContain('exports/bad.csv:3:customer_id:');
    expect(errors).toContain('exports/bad.csv:4:timestamp:');
    expect(errors).toContain('exports/bad.csv:5:event:');
    expect(errors).toContain('nothing was written');
    expect(existsSync(join(root, 'content/reports/broken'))).toBe(false);
    expect(existsSync(join(root, 'data/reports/broken'))).toBe(false);
  });

  it('never overwrites an existing report without --force (exit 2), and --force rewrites only its own files', async () => {
    const index = join(root, 'content/reports/acme/index.mdx');
    const extraPage = join(root, 'content/reports/acme/en.mdx');
    await writeFile(index, 'the consultant’s edits');
    await writeFile(extraPage, 'an English page');
    const io = capture(root);
    expect(
      await main(
        [
          'new',
          'report',
          'acme',
          '--data',
          'exports/good.csv',
          '--map',
          'customer_id=用户ID,timestamp=时间,event=动作',
        ],
        io,
      ),
    ).toBe(2);
    expect(io.err.join('\n')).toMatch(
      /exist already; nothing was written:\n {2}content\/reports\/acme\/index\.mdx\n[\s\S]*--force/,
    );
    expect(await readFile(index, 'utf8')).toBe('the consultant’s edits');

    const forced = capture(root);
    expect(
      await main(
        [
          'new',
          'report',
          'acme',
          '--force',
          '--data',
          'exports/good.csv',
          '--map',
          'customer_id=用户ID,timestamp=时间,event=动作',
        ],
        forced,
      ),
    ).toBe(0);
    expect(await readFile(index, 'utf8')).toContain('await openReport');
    expect(await readFile(extraPage, 'utf8')).toBe('an English page');
  });

  it('refuses any file it would write, hand-written data included, listing them, and keeps their contents', async () => {
    const dataDir = join(root, 'data/reports/handmade');
    await mkdir(dataDir, { recursive: true });
    const handWritten: Record<string, string> = {
      'journey-map.yaml': 'stages: [my own map]\n',
      'opportunities.json': '[{"title":"mine"}]\n',
      'good.csv': 'my,own,export\n',
    };
    for (const [name, text] of Object.entries(handWritten)) await writeFile(join(dataDir, name), text);
    const io = capture(root);
    const argv = ['new', 'report', 'handmade', '--data', 'exports/good.csv'];
    expect(await main([...argv, '--map', 'customer_id=用户ID,timestamp=时间,event=动作'], io)).toBe(2);
    expect(io.err.join('\n')).toBe(
      [
        'journey new report: 3 files the scaffold would write exist already; nothing was written:',
        '  data/reports/handmade/journey-map.yaml',
        '  data/reports/handmade/opportunities.json',
        '  data/reports/handmade/good.csv',
        'Edit them, choose another report name, or add --force to overwrite exactly these files.',
      ].join('\n'),
    );
    for (const [name, text] of Object.entries(handWritten))
      expect(await readFile(join(dataDir, name), 'utf8')).toBe(text);
    expect(await readdir(dataDir)).toEqual(['good.csv', 'journey-map.yaml', 'opportunities.json']);
    expect(existsSync(join(root, 'content/reports/handmade'))).toBe(false);
  });

  it('rejects a bad name, language or sub-command as usage errors (exit 2)', async () => {
    for (const argv of [
      ['new', 'report', 'Bad Name'],
      ['new', 'report', 'ok', '--lang', 'fr'],
      ['new', 'chapter', 'x'],
      ['new', 'report'],
    ]) {
      const io = capture(root);
      expect(await main(argv, io), argv.join(' ')).toBe(2);
    }
  });

  it('keeps a client name with YAML, MDX and HTML syntax one frontmatter value', async () => {
    const name = 'Acme: "Bank" #1 {alert(1)} <script>x</script> \\ «عميل» 🏦';
    const io = capture(root);
    expect(
      await main(
        [
          'new',
          'report',
          'acme-odd',
          '--name',
          name,
          '--data',
          'exports/good.csv',
          '--map',
          'customer_id=用户ID,timestamp=时间,event=动作',
        ],
        io,
      ),
    ).toBe(0);
    const mdx = await readFile(join(root, 'content/reports/acme-odd/index.mdx'), 'utf8');
    const frontmatter = parseYaml(mdx.split(/^---$/m)[1]!) as Record<string, string>;
    expect(frontmatter.client).toBe(name);
    expect(frontmatter.title).toBe(`${name}客户旅程分析报告`);
    expect(frontmatter.summary!.startsWith(name)).toBe(true);
  });

  it('writes a scaffold neutral about the industry: facts computed, placeholders as <Todo>, notes as MDX comments', async () => {
    const mdx = await readFile(join(root, 'content/reports/acme-en/index.mdx'), 'utf8');
    const rendered = mdx.replace(/\{\/\*[\s\S]*?\*\/\}/g, '');
    // Notes for the consultant (file paths) live only in comments; no bank example survives.
    expect(mdx).toContain('data/reports/acme-en/report.json');
    // What a final build ships (no <Todo> left): nothing addressed to the consultant.
    const shipped = rendered.replace(/<Todo>[\s\S]*?<\/Todo>/g, '');
    expect(shipped).not.toMatch(/data\/reports|report\.json|journey-map\.yaml|opportunities\.json|account|开户|e\.g\./);
    expect(rendered).toContain('<Todo>Write three to five sentences');
    expect(rendered).toContain('**Business goal:** <Todo>');
    // The summary's facts are expressions on the analyses, not typed-in text.
    expect(rendered).toContain('{countText(loss.dropped, k, ');
    expect(rendered).toContain('The largest loss was before “{loss.name}”');
    expect(rendered).toContain(
      'the weakest step, with the lowest conversion from the step before, was “{weakest.name}”',
    );
    // Starters hold no placeholder that could become a finding.
    expect(JSON.parse(await readFile(join(root, 'data/reports/acme-en/opportunities.json'), 'utf8'))).toEqual([]);
    const map = parseYaml(await readFile(join(root, 'data/reports/acme-en/journey-map.yaml'), 'utf8')) as {
      stages: Record<string, unknown>[];
    };
    for (const stage of map.stages) {
      expect(stage).not.toHaveProperty('emotion');
      expect(stage).not.toHaveProperty('pain_points');
    }
  });

  it('adds the other language to an existing report with --lang, linked both ways, once', async () => {
    const io = capture(root);
    expect(await main(['new', 'report', 'acme-en', '--lang', 'zh', '--name', '阿克米'], io)).toBe(0);
    const index = await readFile(join(root, 'content/reports/acme-en/index.mdx'), 'utf8');
    const zhPage = await readFile(join(root, 'content/reports/acme-en/zh.mdx'), 'utf8');
    const indexFront = parseYaml(index.split(/^---$/m)[1]!) as Record<string, unknown>;
    const zhFront = parseYaml(zhPage.split(/^---$/m)[1]!) as Record<string, unknown>;
    expect(indexFront.translation).toBe('zh');
    expect(indexFront.title).toBe('Customer journey analysis for Acme Ltd');
    expect(zhFront).toMatchObject({ lang: 'zh', client: '阿克米', translation: '', order: 1 });
    expect(zhPage).toContain("await openReport('acme-en')");
    expect(zhPage).toContain('<ReportFigures part="funnel"');
    expect(io.out.join('\n')).toContain('zh.mdx');
    // A second time there is nothing to add: the usual refusal.
    const again = capture(root);
    expect(await main(['new', 'report', 'acme-en', '--lang', 'zh'], again)).toBe(2);
    expect(again.err.join('\n')).toContain('already; nothing was written');
    expect(await main(['new', 'report', 'acme-en', '--lang', 'en'], capture(root))).toBe(2);
  });

  it('chooses no session cut when the funnel steps are typically days apart', async () => {
    const days = [
      'customer_id,timestamp,event',
      ...['a', 'b', 'c'].flatMap((id) => [
        `${id},2026-03-01 09:00,quote`,
        `${id},2026-03-03 09:00,apply`,
        `${id},2026-03-09 09:00,policy`,
      ]),
    ].join('\n');
    await writeFile(join(root, 'exports/days.csv'), days + '\n');
    expect(await main(['new', 'report', 'insurer', '--lang', 'en', '--data', 'exports/days.csv'], capture(root))).toBe(
      0,
    );
    const config = JSON.parse(await readFile(join(root, 'data/reports/insurer/report.json'), 'utf8')) as {
      paths: unknown;
    };
    expect(config.paths).toEqual({ session_gap: null, depth: 5 });
  });

  it('refuses to build or print while a <Todo> remains, listing each with file and line, unless --draft', async () => {
    const build = capture(root);
    expect(await main(['build-report', 'insurer'], build)).toBe(1);
    const message = build.err.join('\n');
    const lines = (await readFile(join(root, 'content/reports/insurer/index.mdx'), 'utf8')).split('\n');
    const firstTodo = lines.findIndex((line) => line.startsWith('<Todo>Write three')) + 1;
    expect(message).toMatch(/^journey build-report: 12 placeholders \(<Todo>\) still in the report/);
    expect(message).toContain(`content/reports/insurer/index.mdx:${firstTodo}  Write three to five sentences`);
    expect(message).toContain('--draft');
    const pdf = capture(root);
    expect(await main(['pdf', 'insurer'], pdf)).toBe(1);
    expect(pdf.err.join('\n')).toContain(`index.mdx:${firstTodo}`);
  });

  it('checks the logo: copies a file from outside public/, refuses a missing or non-image one', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await writeFile(join(root, 'exports/brand.png'), png);
    await writeFile(join(root, 'exports/brand.svg'), 'not an image');
    const scaffold = (slug: string, logo: string) => {
      const io = capture(root);
      return main(
        [
          'new',
          'report',
          slug,
          '--data',
          'exports/good.csv',
          '--map',
          'customer_id=用户ID,timestamp=时间,event=动作',
          '--logo',
          logo,
        ],
        io,
      ).then((code) => ({ code, err: io.err }));
    };
    expect(await scaffold('logo-copied', 'exports/brand.png')).toEqual({
      code: 0,
      err: [
        // The data's own warning first, then the logo.
        'journey new report: 1 warning about exports/good.csv; run `journey check exports/good.csv --map customer_id=用户ID,timestamp=时间,event=动作 --tz UTC` to see them',
        'journey new report: copied the logo exports/brand.png to public/logos/logo-copied.png',
      ],
    });
    expect(await readFile(join(root, 'public/logos/logo-copied.png'))).toEqual(png);
    const config = JSON.parse(await readFile(join(root, 'data/reports/logo-copied/report.json'), 'utf8')) as {
      logo: string;
    };
    expect(config.logo).toBe('/logos/logo-copied.png');
    expect(await readFile(join(root, 'content/reports/logo-copied/index.mdx'), 'utf8')).toContain(
      '  logo: "/logos/logo-copied.png"',
    );
    // Named by its site path once it is in public/: used as it is.
    expect((await scaffold('logo-in-public', '/logos/logo-copied.png')).code).toBe(0);

    expect(await scaffold('logo-missing', '/logos/nothing.svg')).toEqual({
      code: 2,
      err: [
        'journey new report: logo /logos/nothing.svg: no such file — give the logo file (SVG, PNG or JPEG), or its path under public/ (e.g. /logos/acme.svg); nothing was written',
      ],
    });
    expect(await scaffold('logo-text', 'exports/brand.svg')).toEqual({
      code: 2,
      err: [
        'journey new report: logo exports/brand.svg: not an SVG, PNG or JPEG image (judged by its first bytes) — export the logo as one of those; nothing was written',
      ],
    });
    for (const slug of ['logo-missing', 'logo-text']) expect(existsSync(join(root, 'data/reports', slug))).toBe(false);
  });

  it('fills every template placeholder or fails', () => {
    expect(fillTemplate('a {{x}} b', { x: '1' })).toBe('a 1 b');
    expect(() => fillTemplate('{{missing}}', {})).toThrow(/missing/);
  });

  it('writes each --survey as a survey source with the --survey-map options that follow it', async () => {
    const io = capture(root);
    const map = 'customer_id=用户ID,timestamp=时间,event=动作';
    const survey = ['--survey', 'exports/问卷.csv', '--survey-map', 'customer_id=客户,event=问题'];
    const scores = ['--survey-map', 'csat=评分,nps=推荐意愿,comment=意见'];
    const argv = ['new', 'report', 'surveyed', '--data', 'exports/good.csv', '--map', map, ...survey, ...scores];
    expect(await main(argv, io)).toBe(0);
    const config = JSON.parse(await readFile(join(root, 'data/reports/surveyed/report.json'), 'utf8')) as {
      sources: unknown[];
      funnel: { steps: string[] };
    };
    expect(config.sources[1]).toEqual({
      path: '问卷.csv',
      kind: 'survey',
      map: { customer_id: '客户', event: '问题', csat: '评分', nps: '推荐意愿', comment: '意见' },
      tz: 'UTC',
    });
    expect(existsSync(join(root, 'data/reports/surveyed/问卷.csv'))).toBe(true);
    // The survey's answers do not shape the proposed funnel.
    expect(config.funnel.steps).toEqual(['浏览', '填表', '提交']);
  });

  it('maps an optional column the data names in a usual way (渠道), says so, and journey check hints at it', async () => {
    const withChannel = ['用户ID,时间,动作,渠道', 'c1,2026-03-01 09:00,浏览,app', 'c1,2026-03-01 09:05,提交,app'];
    await writeFile(join(root, 'exports/channel.csv'), withChannel.join('\n') + '\n');
    const map = 'customer_id=用户ID,timestamp=时间,event=动作';
    const io = capture(root);
    expect(await main(['new', 'report', 'channelled', '--data', 'exports/channel.csv', '--map', map], io)).toBe(0);
    const config = JSON.parse(await readFile(join(root, 'data/reports/channelled/report.json'), 'utf8')) as {
      sources: { map: Record<string, string> }[];
    };
    expect(config.sources[0]!.map).toEqual({
      customer_id: '用户ID',
      timestamp: '时间',
      event: '动作',
      channel: '渠道',
    });
    expect(io.err.join('\n')).toContain(
      'channel.csv: mapped channel=渠道 (a usual name for channel); remove it from "map" in report.json if that is wrong',
    );
    const check = capture(root);
    expect(await main(['check', 'exports/channel.csv', '--map', map], check)).toBe(0);
    expect(check.out.join('\n')).toContain('  not read    渠道 looks like channel: add --map channel=渠道 to use it');
  });

  it("writes --journey-question into its survey's source, and refuses one the survey lacks", async () => {
    const map = 'customer_id=用户ID,timestamp=时间,event=动作';
    const survey = ['--survey', 'exports/问卷.csv', '--survey-map', 'customer_id=客户,event=问题,csat=评分'];
    const base = ['new', 'report', 'driven', '--data', 'exports/good.csv', '--map', map, ...survey];
    const io = capture(root);
    expect(await main([...base, '--journey-question', '提交'], io)).toBe(0);
    const config = JSON.parse(await readFile(join(root, 'data/reports/driven/report.json'), 'utf8')) as {
      sources: { journey_question?: string }[];
    };
    expect(config.sources.map((source) => source.journey_question)).toEqual([undefined, '提交']);

    const misspelt = capture(root);
    const argv = ['new', 'report', 'misdriven', '--data', 'exports/good.csv', '--map', map, ...survey];
    expect(await main([...argv, '--journey-question', '提 交'], misspelt)).toBe(2);
    expect(misspelt.err.at(-1)).toBe(
      'journey new report: --journey-question "提 交" is not a question in 问卷.csv — did you mean "提交"? (nothing was written)',
    );
    expect(existsSync(join(root, 'data/reports/misdriven'))).toBe(false);
  });

  it('refuses a --survey-map before any --survey', async () => {
    const io = capture(root);
    const argv = ['new', 'report', 'orphan', '--survey-map', 'csat=评分', '--survey', 'exports/问卷.csv'];
    expect(await main(argv, io)).toBe(2);
    expect(io.err.join('\n')).toContain('--survey-map must follow the --survey FILE it maps');
  });

  it('journey satisfaction reads the survey: CSAT and NPS per touchpoint, comments only counted', async () => {
    const io = capture(root);
    const map = 'customer_id=客户,event=问题,csat=评分,nps=推荐意愿,comment=意见';
    expect(await main(['satisfaction', 'exports/问卷.csv', '--json', '--map', map], io)).toBe(0);
    const output = io.out.join('\n');
    expect(output).not.toContain('13800000000');
    const result = JSON.parse(output) as {
      comments: number;
      touchpoints: { name: string; csat: { csat: number }; nps: { nps: number } }[];
    };
    expect(result.comments).toBe(1);
    // 提交: CSAT 5, 2 -> 1 of 2; NPS 10 promoter, 6 detractor -> 0. 填表: 4 -> 100%; 9 -> +100.
    expect(result.touchpoints.map((t) => [t.name, t.csat.csat, t.nps.nps])).toEqual([
      ['提交', 0.5, 0],
      ['填表', 1, 100],
    ]);
  });
});
