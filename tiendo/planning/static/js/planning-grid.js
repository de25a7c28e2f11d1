// Planning grid: pasting a block copied from Excel (tab-separated rows) into a cell fills the
// cells to its right and below, as in a spreadsheet.
document.addEventListener("paste", (event) => {
  const start = event.target.closest("input.grid-cell");
  if (!start) return;
  const text = (event.clipboardData || window.clipboardData).getData("text/plain");
  if (!text || !/[\t\n]/.test(text)) return; // one value: let the browser paste it
  event.preventDefault();
  const lines = text.replace(/\r/g, "").replace(/\n$/, "").split("\n");
  const row0 = Number(start.dataset.row);
  const col0 = Number(start.dataset.col);
  lines.forEach((line, i) => {
    line.split("\t").forEach((value, j) => {
      const cell = document.querySelector(
        `input.grid-cell[data-row="${row0 + i}"][data-col="${col0 + j}"]`);
      if (cell) {
        cell.value = value.trim();
        cell.classList.add("changed");
      }
    });
  });
});
