import { buildSchema, parse, print, validate } from 'graphql';
import { costRefusal, queryCostRule, withPageSizes } from './query-cost';

const schema = buildSchema(`
  type Query { needs(first: Int): NeedConnection! themes: [Theme!]! }
  type NeedConnection { totalCount: Int! edges: [NeedEdge!]! }
  type NeedEdge { node: Need! }
  type Need { id: ID! tags: [String!]! themes: [Theme!]! matches(first: Int): MatchConnection! }
  type MatchConnection { edges: [MatchEdge!]! }
  type MatchEdge { node: Match! }
  type Match { need: Need! score: Float! }
  type Theme { code: String! }
`);

const priced = (query: string) => print(withPageSizes(schema, parse(query))).replace(/\s+/g, ' ');
const costOf = (query: string) => Number(/found ([\d.]+)/.exec(validate(schema, parse(query), [queryCostRule(0)])[0]?.message ?? '')?.[1]);

describe('withPageSizes', () => {
  it('writes in the page size a list will have: the default when omitted, the largest when a variable', () => {
    expect(priced('{ needs { totalCount } }')).toContain('needs(first: 20)');
    expect(priced('query($n: Int) { needs(first: $n) { totalCount } }')).toContain('needs(first: 100)');
    expect(priced('{ needs(first: 7) { totalCount } }')).toContain('needs(first: 7)');
  });

  it("sizes a page given by a variable at the request's value, once the variables are known", () => {
    const sized = (variables: Record<string, unknown>) =>
      print(withPageSizes(schema, parse('query($n: Int) { needs(first: $n) { totalCount } }'), variables)).replace(/\s+/g, ' ');
    expect(sized({ n: 7 })).toContain('needs(first: 7)');
    expect(sized({})).toContain('needs(first: 20)');
    expect(sized({ n: null })).toContain('needs(first: 20)');
    expect(sized({ n: 5000 })).toContain('needs(first: 100)');
    expect(sized({ n: 'many' })).toContain('needs(first: 100)');
  });

  it("counts a list without pages as one page, but neither a connection's edges nor a list of scalars", () => {
    const query = priced('{ needs(first: 3) { edges { node { tags themes { code } } } } }');
    expect(query).toContain('edges {');
    expect(query).toContain('tags ');
    expect(query).toContain('themes(first: 20) {');
  });

  it('sizes the lists inside fragments too', () => {
    expect(priced('{ needs(first: 2) { edges { node { ...N } } } } fragment N on Need { matches { edges { node { score } } } }')).toContain(
      'matches(first: 20)',
    );
  });
});

describe('queryCostRule', () => {
  it('costs about the fields a query can return, every page at its size', () => {
    // Armor counts the page's whole subtree once per item: (needs 2 + edges 2 + node 2 + id 1) × 3.
    expect(costOf('{ needs(first: 3) { edges { node { id } } } }')).toBe(3 * (2 + 2 + 2 + 1));
  });

  it('makes nested pages multiply, whatever depth they sit at', () => {
    const once = costOf('{ needs { edges { node { matches { edges { node { score } } } } } } }');
    const twice = costOf('{ needs { edges { node { matches { edges { node { need { matches { edges { node { score } } } } } } } } } } }');
    expect(twice / once).toBeGreaterThan(15);
  });
});

describe('costRefusal', () => {
  const query = parse('query($n: Int) { needs(first: $n) { edges { node { matches(first: $n) { edges { node { score } } } } } } }');

  it('prices a query with the variables of the request', () => {
    expect(costRefusal(schema, query, { n: 3 }, 1000)).toBeNull();
    expect(costRefusal(schema, query, { n: 100 }, 1000)?.message).toMatch(/cost limit of 1000 exceeded/i);
  });
});
