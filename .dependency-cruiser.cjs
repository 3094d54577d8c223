/**
 * The order of the modules under src/, checked by `npm run lint:deps` (part of `npm test`).
 *
 * In one sentence: configuration, then the shared vocabulary (common helpers, domain enums, who is
 * acting), then infrastructure (database, the queue above it, metrics), then the audit trail and reference data,
 * accounts and authentication, needs and offers, matching, reports and notifications, pairings,
 * exports, and at the top the application wiring and entry points.
 *
 * A folder may import its own files and folders of lower layers only; folders of one layer know
 * nothing of each other. Exceptions are listed in `allowed` below with their reason.
 */
const LAYERS = [
  ['config'],
  ['common', 'domain'],
  ['access'],
  ['database'],
  // The queue's outbox is written in the callers' database transactions and read back from them.
  ['queue'],
  ['metrics'],
  ['audit', 'reference'],
  ['accounts'],
  ['auth'],
  ['needs', 'offers'],
  ['matching'],
  ['reports', 'notifications'],
  ['pairings'],
  ['exports'],
  ['health', 'console'],
  ['app'],
  ['cli'],
  ['demo'],
];

const folders = (layers) => layers.flat().join('|');

/**
 * The one exception to the order: a spec may boot a database with the composed application's
 * entities, since the migrations it runs create every table. The rule `entities-composed-at-the-top`
 * keeps production code of lower layers from using the exception.
 */
const SPEC_MAY_IMPORT = '^src/app/entities\\.ts$';

/** For each folder: importing a folder of its own layer or of a higher one is forbidden. */
const layerRules = LAYERS.flatMap((layer, index) =>
  layer.map((folder) => {
    const peersAndAbove = [...layer.filter((other) => other !== folder), ...LAYERS.slice(index + 1).flat()];
    return {
      name: `layer-${folder}`,
      comment: `src/${folder}/ may import only folders below it: ${folders(LAYERS.slice(0, index)) || '(none)'}.`,
      severity: 'error',
      from: { path: `^src/${folder}/` },
      to: { path: `^src/(${peersAndAbove.join('|')})/`, pathNot: SPEC_MAY_IMPORT },
    };
  }),
);

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-circular',
      comment:
        'A cycle, even inside one folder, means two files cannot be understood apart. Entities are exempt: ' +
        'a TypeORM relation names the entity at each end, through a type function that is only called later.',
      severity: 'error',
      from: { pathNot: '/entities/[^/]+\\.entity\\.ts$' },
      to: { circular: true },
    },
    {
      name: 'unlisted-folder',
      comment: 'Every folder under src/ has a place in LAYERS, so the order stays complete.',
      severity: 'error',
      from: { path: '^src/[^/]+/', pathNot: `^src/(${folders(LAYERS)})/` },
      to: {},
    },
    {
      name: 'entities-composed-at-the-top',
      comment: 'Only the application wiring (and specs, see SPEC_MAY_IMPORT) uses the composed entity list.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['\\.spec\\.ts$', '^src/(app|cli|demo)/', '^src/[^/]+\\.ts$'] },
      to: { path: SPEC_MAY_IMPORT },
    },
    {
      name: 'matching-engine-knows-no-api',
      comment: 'The engine (scoring, writing, jobs) runs in the worker without GraphQL; the API sits on top of it.',
      severity: 'error',
      from: { path: '^src/matching/engine/' },
      to: { path: '^src/matching/api/' },
    },
    {
      name: 'pure-scoring-and-allocation',
      comment:
        'Scoring and the allocation optimiser are pure functions: no database, queue, framework or other feature. ' +
        'Starting the solver thread uses the one worker-thread helper, which needs none of those either.',
      severity: 'error',
      from: { path: '^src/(matching/engine/scoring|pairings/allocation)/[^/]+$' },
      to: {
        path: '^src/|^(typeorm|@nestjs|bullmq|ioredis)',
        pathNot: ['^src/(matching/engine/scoring|pairings/allocation)/[^/]+$', '^src/common/errors/', '^src/common/worker-threads/'],
      },
    },
    {
      name: 'entry-points-only-at-the-root',
      comment: 'Files directly under src/ are process entry points; nothing imports them.',
      severity: 'error',
      from: {},
      to: { path: '^src/[^/]+\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|\\.builds|node_modules)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    // Specs sit beside the code they test and may boot the composed application's entities.
    includeOnly: '^src/',
  },
};
