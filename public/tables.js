// Sorting and filtering of long tables. Every table is complete without this script; it only adds
// sort buttons to the column headers marked data-sort and shows the filters of [data-table-tools].
(() => {
  const textOf = (cell) => (cell ? cell.textContent.replace(/\s+/g, ' ').trim() : '');
  const filterValue = (cell) => (cell && cell.dataset.filter !== undefined ? cell.dataset.filter : textOf(cell));

  // Empty values sort last in both directions; numbers compare as numbers, the rest as text.
  function sortKey(cell, kind) {
    const raw = cell && cell.dataset.value !== undefined ? cell.dataset.value : textOf(cell);
    if (raw === '' || raw === 'n/a' || raw === 'never' || raw === '—') return null;
    if (kind === 'num') {
      const n = Number(raw);
      return Number.isFinite(n) ? n : null;
    }
    return raw;
  }

  function setUp(table) {
    const body = table.tBodies[0];
    const head = table.tHead && table.tHead.rows[0];
    if (!body || !head) return;
    const rows = [...body.rows];
    const order = new Map(rows.map((r, i) => [r, i]));
    const tools = document.querySelector(`[data-table-tools="${table.id}"]`);
    const status = tools && tools.querySelector('[data-table-status]');
    const selects = tools ? [...tools.querySelectorAll('select[data-column]')] : [];

    function filter() {
      let shown = 0;
      for (const row of rows) {
        const keep = selects.every((s) => s.value === '' || filterValue(row.cells[Number(s.dataset.column)]) === s.value);
        row.hidden = !keep;
        if (keep) shown++;
      }
      if (status) status.textContent = shown === rows.length ? `${rows.length} rows` : `${shown} of ${rows.length} rows shown`;
    }
    for (const s of selects) s.addEventListener('change', filter);
    if (tools) tools.hidden = false;

    [...head.cells].forEach((th, column) => {
      if (th.dataset.sort === undefined) return;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.append(...th.childNodes);
      th.append(button);
      button.addEventListener('click', () => {
        const ascending = th.getAttribute('aria-sort') !== 'ascending';
        for (const other of head.cells) other.removeAttribute('aria-sort');
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        const keyed = rows.map((row) => ({ row, key: sortKey(row.cells[column], th.dataset.sort) }));
        keyed.sort((a, b) => {
          if (a.key === null || b.key === null) return a.key === b.key ? order.get(a.row) - order.get(b.row) : a.key === null ? 1 : -1;
          const c = typeof a.key === 'number' ? a.key - b.key : String(a.key).localeCompare(String(b.key), 'en');
          return (ascending ? c : -c) || order.get(a.row) - order.get(b.row);
        });
        body.append(...keyed.map((k) => k.row));
      });
    });
  }

  for (const table of document.querySelectorAll('table[data-sortable]')) setUp(table);
})();
