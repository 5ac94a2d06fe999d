/* The printable approval sheet: its Print button. */
document.addEventListener("click", function (event) {
  "use strict";
  if (event.target.closest("[data-print]")) window.print();
});
