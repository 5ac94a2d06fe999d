/* The file beside the document card: pdf.js draws each page of the PDF on a canvas with its
   text layer over it (text can be selected and copied), and a strip of thumbnails that lead to
   their page. Pages are drawn as they come into view. A module from 'self', its worker too:
   the Content-Security-Policy holds (no eval, no inline style attribute, no WebAssembly). */
import * as pdfjs from "../vendor/pdfjs/pdf.min.mjs";

const THUMB_WIDTH = 96;
const MAX_SCALE = 2;

function pageLabel(viewer, number) {
  return viewer.dataset.pageLabel.replace("{n}", number);
}

/* A box of the page's size (CSS pixels) holding a canvas drawn at the screen's resolution. */
function pageBox(viewport, className) {
  const box = document.createElement("div");
  box.className = className;
  box.style.width = `${Math.floor(viewport.width)}px`;
  box.style.height = `${Math.floor(viewport.height)}px`;
  return box;
}

async function draw(page, box, viewport, withText) {
  const ratio = window.devicePixelRatio || 1;
  const canvas = document.createElement("canvas");
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  box.prepend(canvas);
  await page.render({
    canvasContext: canvas.getContext("2d"), viewport,
    transform: ratio === 1 ? null : [ratio, 0, 0, ratio, 0, 0],
  }).promise;
  if (withText) {
    const text = document.createElement("div");
    text.className = "textLayer";
    box.append(text);
    await new pdfjs.TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport }).render();
  }
  box.dataset.drawn = "";
}

function whenVisible(root, element, action) {
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) {
      observer.disconnect();
      action();
    }
  }, { root, rootMargin: "400px 0px" });
  observer.observe(element);
}

async function show(viewer) {
  const pages = viewer.querySelector(".pdf-pages");
  const thumbs = viewer.querySelector(".pdf-thumbs");
  const status = viewer.querySelector(".pdf-status");
  pdfjs.GlobalWorkerOptions.workerSrc = viewer.dataset.worker;
  let pdf;
  try {
    pdf = await pdfjs.getDocument({
      url: viewer.dataset.src, cMapUrl: viewer.dataset.cmaps, cMapPacked: true,
      standardFontDataUrl: viewer.dataset.fonts, useWasm: false, enableXfa: false,
    }).promise;
  } catch (error) {
    status.textContent = viewer.dataset.failedText;
    viewer.dataset.failed = "";
    return;
  }
  status.remove();
  const width = pages.clientWidth - 32;  /* the pages' padding */
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    const natural = page.getViewport({ scale: 1 });
    const scale = Math.min(Math.max(width, 200) / natural.width, MAX_SCALE);
    const viewport = page.getViewport({ scale });
    const box = pageBox(viewport, "pdf-page");
    box.id = `pdf-page-${number}`;
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", pageLabel(viewer, number));
    /* the text layer sizes itself from these (pdf.js's own viewer sets them the same way) */
    box.style.setProperty("--scale-factor", scale);
    box.style.setProperty("--total-scale-factor", scale);
    box.style.setProperty("--user-unit", 1);
    box.style.setProperty("--scale-round-x", "1px");
    box.style.setProperty("--scale-round-y", "1px");
    pages.append(box);
    whenVisible(pages, box, () => draw(page, box, viewport, true));

    const thumbViewport = page.getViewport({ scale: THUMB_WIDTH / natural.width });
    const link = document.createElement("a");
    link.className = "pdf-thumb";
    link.href = `#pdf-page-${number}`;
    link.setAttribute("aria-label", pageLabel(viewer, number));
    const thumb = pageBox(thumbViewport, "pdf-thumb-page");
    const caption = document.createElement("span");
    caption.textContent = number;
    link.append(thumb, caption);
    thumbs.append(link);
    whenVisible(thumbs, thumb, () => draw(page, thumb, thumbViewport, false));
  }
  viewer.dataset.pages = pdf.numPages;
}

/* A thumbnail scrolls its page into view within the pages' pane (no jump of the whole page). */
document.addEventListener("click", (event) => {
  const link = event.target.closest(".pdf-thumb");
  if (!link) return;
  const target = document.getElementById(link.getAttribute("href").slice(1));
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({ block: "start", behavior: "smooth" });
  document.querySelectorAll(".pdf-thumb[aria-current]").forEach((other) => other.removeAttribute("aria-current"));
  link.setAttribute("aria-current", "true");
});

document.querySelectorAll("[data-pdf-viewer]").forEach(show);
