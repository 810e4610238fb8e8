// Tongwen default theme: progressive enhancement only; every page works without it.
(() => {
  "use strict";
  document.documentElement.classList.add("js");

  // Phone widths: the sidebar becomes a drawer behind the header's menu button.
  const button = document.querySelector(".nav-button");
  const sidebar = document.getElementById("sidebar");
  if (button && sidebar) {
    button.hidden = false;
    button.addEventListener("click", () => {
      const open = sidebar.classList.toggle("is-open");
      button.setAttribute("aria-expanded", String(open));
    });
  }

  setUpTermTooltips();
  setUpGlossaryFilter();
  setUpFAQHub();
  setUpBoardFilters();

  // Mark the table-of-contents entry of the section being read.
  const links = Array.from(document.querySelectorAll(".toc a[href^='#']"));
  if (links.length === 0 || !("IntersectionObserver" in window)) return;
  const byId = new Map(links.map((a) => [decodeURIComponent(a.hash.slice(1)), a]));
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const link = byId.get(entry.target.id);
      if (!link) continue;
      links.forEach((a) => a.classList.remove("is-active"));
      link.classList.add("is-active");
    }
  }, { rootMargin: "0px 0px -70% 0px" });
  byId.forEach((_, id) => {
    const heading = document.getElementById(id);
    if (heading) observer.observe(heading);
  });

  // Term links carry their summary in `title` (what no-JS readers get). With JS the summary shows
  // in a tooltip on hover and keyboard focus; on touch the first tap shows it, the second follows.
  function setUpTermTooltips() {
    const terms = document.querySelectorAll("a.term[title]");
    if (terms.length === 0) return;
    const tip = document.createElement("div");
    tip.className = "term-tooltip";
    tip.id = "term-tooltip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    document.body.appendChild(tip);
    let shownFor = null;
    const show = (link) => {
      const title = document.createElement("strong");
      title.textContent = link.textContent;
      tip.replaceChildren(title, document.createTextNode(link.dataset.summary));
      tip.hidden = false;
      const box = link.getBoundingClientRect();
      const left = Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
      tip.style.left = `${Math.max(8, left)}px`;
      tip.style.top = `${window.scrollY + box.bottom + 6}px`;
      link.setAttribute("aria-describedby", tip.id);
      shownFor = link;
    };
    const hide = () => {
      tip.hidden = true;
      if (shownFor) shownFor.removeAttribute("aria-describedby");
      shownFor = null;
    };
    for (const link of terms) {
      link.dataset.summary = link.title;
      link.removeAttribute("title");
      link.addEventListener("mouseenter", () => show(link));
      link.addEventListener("mouseleave", hide);
      link.addEventListener("focus", () => show(link));
      link.addEventListener("blur", hide);
      link.addEventListener("click", (event) => {
        if (event.pointerType === "touch" && shownFor !== link) {
          event.preventDefault();
          show(link);
        }
      });
    }
    document.addEventListener("keydown", (event) => { if (event.key === "Escape") hide(); });
  }

  // The glossary index filter: matches any name of a term (NFKC, case-insensitive).
  function setUpGlossaryFilter() {
    const input = document.querySelector("[data-glossary-filter]");
    if (!input) return;
    input.closest(".glossary-filter").hidden = false;
    const entries = Array.from(document.querySelectorAll(".glossary-entry"));
    const groups = Array.from(document.querySelectorAll(".letter-group"));
    const count = document.querySelector("[data-glossary-count]");
    const empty = document.querySelector("[data-glossary-empty]");
    const unit = count.textContent.replace(/^[0-9]+ /, "");
    input.addEventListener("input", () => {
      const query = input.value.normalize("NFKC").toLowerCase().trim();
      let shown = 0;
      for (const entry of entries) {
        const match = query === "" || entry.dataset.search.includes(query);
        entry.hidden = !match;
        if (match) shown += 1;
      }
      for (const group of groups) group.hidden = !group.querySelector(".glossary-entry:not([hidden])");
      count.textContent = `${shown} ${unit}`;
      empty.hidden = shown !== 0;
    });
  }

  // The FAQ hub: a permalink (#q-…) opens its entry; the filter box matches question and answer
  // text and opens what it finds.
  function setUpFAQHub() {
    const hub = document.querySelector("[data-faq-hub]");
    if (!hub) return;
    const openTarget = () => {
      const id = decodeURIComponent(location.hash.slice(1));
      const target = id && document.getElementById(id);
      if (target && target.matches("details[data-faq-entry]")) { target.open = true; target.scrollIntoView(); }
    };
    openTarget();
    window.addEventListener("hashchange", openTarget);
    const input = hub.querySelector("[data-faq-filter]");
    input.closest(".faq-filter").hidden = false;
    const entries = Array.from(hub.querySelectorAll("[data-faq-entry]")).map((entry) => ({
      entry, text: entry.textContent.normalize("NFKC").toLowerCase(), wasOpen: entry.open,
    }));
    const categories = Array.from(hub.querySelectorAll("[data-faq-category]"));
    const count = hub.querySelector("[data-faq-count]");
    const empty = hub.querySelector("[data-faq-empty]");
    const unit = count.textContent.replace(/^[0-9]+ /, "");
    input.addEventListener("input", () => {
      const words = input.value.normalize("NFKC").toLowerCase().split(/\s+/).filter(Boolean);
      let shown = 0;
      for (const item of entries) {
        const match = words.every((word) => item.text.includes(word));
        item.entry.hidden = !match;
        item.entry.open = words.length > 0 ? match : item.wasOpen;
        if (match) shown += 1;
      }
      for (const category of categories) category.hidden = !category.querySelector("[data-faq-entry]:not([hidden])");
      count.textContent = `${shown} ${unit}`;
      empty.hidden = shown !== 0;
    });
  }

  // The requirement board: filter cards by requesting department and priority.
  function setUpBoardFilters() {
    const board = document.querySelector("[data-board]");
    if (!board) return;
    const form = board.querySelector(".board-filters");
    form.hidden = false;
    const selects = Array.from(form.querySelectorAll("[data-board-filter]"));
    const count = form.querySelector("[data-board-count]");
    const unit = count.textContent.replace(/^[0-9]+ /, "");
    const update = () => {
      let total = 0;
      for (const column of board.querySelectorAll(".board-column")) {
        let shown = 0;
        for (const card of column.querySelectorAll(".board-card")) {
          const match = selects.every((select) => !select.value || card.dataset[select.dataset.boardFilter] === select.value);
          card.hidden = !match;
          if (match) shown += 1;
        }
        column.querySelector("[data-column-count]").textContent = String(shown);
        total += shown;
      }
      count.textContent = `${total} ${unit}`;
    };
    for (const select of selects) select.addEventListener("change", update);
    form.addEventListener("submit", (event) => event.preventDefault());
  }
})();
