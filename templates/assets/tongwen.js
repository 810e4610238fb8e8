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
})();
