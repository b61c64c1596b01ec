// Request counters for the /metrics endpoint.
const counts = new Map();

export function count(path) {
  counts.set(path, (counts.get(path) ?? 0) + 1);
}

export function render() {
  return [...counts].map(([p, n]) => `requests_total{path="${p}"} ${n}`).join('\n') + '\n';
}
