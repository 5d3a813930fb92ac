// The moderation console's behaviour: the live queue (Server-Sent Events) and the keyboard
// shortcuts. Loaded as a module from /moderation/static/ (the CSP allows no inline script).
// Shortcuts open and focus a form; they never submit one: a person confirms every decision.

const PAGE = document.body.dataset.page || "";

function typing(target) {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

// -- help ---------------------------------------------------------------------------------

const help = document.getElementById("help");

function showHelp(show) {
  if (help) help.hidden = !show;
}

// -- the queue ----------------------------------------------------------------------------

const queue = document.getElementById("queue");
let selectedId = sessionStorage.getItem("causette.queue.selected");

function rows() {
  return Array.from(document.querySelectorAll("#queue-rows tr.case"));
}

function select(index) {
  const all = rows();
  if (all.length === 0) return;
  const i = Math.max(0, Math.min(all.length - 1, index));
  for (const row of all) {
    row.classList.remove("selected");
    row.removeAttribute("aria-selected");
  }
  const row = all[i];
  row.classList.add("selected");
  row.setAttribute("aria-selected", "true");
  row.scrollIntoView({ block: "nearest" });
  selectedId = row.dataset.id;
  sessionStorage.setItem("causette.queue.selected", selectedId);
}

function selectedIndex() {
  return rows().findIndex((row) => row.dataset.id === selectedId);
}

function open(row) {
  if (row && row.dataset.href) window.location.assign(row.dataset.href);
}

async function refresh() {
  if (!queue) return;
  const params = new URLSearchParams();
  if (queue.dataset.category) params.set("category", queue.dataset.category);
  if (queue.dataset.page) params.set("page", queue.dataset.page);
  if (queue.dataset.reporter) params.set("reporter", queue.dataset.reporter);
  const response = await fetch("/moderation/queue/rows?" + params, {
    credentials: "same-origin",
    headers: { accept: "text/html" },
  });
  if (response.status === 401) {
    window.location.reload(); // the session ended: the server shows the login page
    return;
  }
  if (!response.ok) return;
  const template = document.createElement("template");
  template.innerHTML = (await response.text()).trim();
  const fresh = template.content.querySelector("#queue-rows");
  const current = document.getElementById("queue-rows");
  if (fresh && current) current.replaceWith(fresh);
  const index = selectedIndex();
  if (index >= 0) select(index);
}

let pending = null;
function refreshSoon() {
  // Several changes in a burst (a report opens a case, then adds evidence): fetch once.
  if (pending) return;
  pending = setTimeout(() => {
    pending = null;
    refresh().catch(() => {});
  }, 150);
}

function live() {
  if (!queue || typeof EventSource === "undefined") return;
  const status = document.getElementById("live-status");
  const events = new EventSource("/moderation/events");
  events.addEventListener("open", () => {
    if (status) status.hidden = false;
  });
  events.addEventListener("queue", refreshSoon);
  events.addEventListener("expired", () => {
    events.close();
    window.location.reload();
  });
  events.addEventListener("error", () => {
    if (status) status.hidden = true;
    // Refused (the session ended) rather than cut: the browser will not retry on its own.
    if (events.readyState === EventSource.CLOSED) setTimeout(() => window.location.reload(), 5000);
  });
}

if (queue) {
  queue.addEventListener("click", (event) => {
    const row = event.target instanceof Element ? event.target.closest("tr.case") : null;
    if (row && !(event.target instanceof HTMLAnchorElement)) open(row);
  });
  const filter = document.getElementById("category-filter");
  if (filter) filter.addEventListener("change", () => filter.form && filter.form.submit());
  const index = selectedIndex();
  if (index >= 0) select(index);
  live();
}

// -- a case -------------------------------------------------------------------------------

const FORMS = { r: "removal", w: "warning", m: "mute", b: "site_ban", x: "reject" };

function focusForm(kind) {
  const panel = document.getElementById("panel-" + kind);
  const form = document.getElementById("act-" + kind);
  if (!form) return false;
  if (panel) panel.open = true;
  const field = form.querySelector("textarea, input:not([type=hidden]), select");
  form.scrollIntoView({ block: "center" });
  if (field) field.focus();
  return true;
}

// -- keys ---------------------------------------------------------------------------------

document.addEventListener("keydown", (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === "Escape") {
    showHelp(false);
    if (typing(event.target)) event.target.blur();
    return;
  }
  if (typing(event.target)) return;
  if (event.key === "?") {
    showHelp(help ? help.hidden : false);
    event.preventDefault();
    return;
  }
  if (queue) {
    const index = selectedIndex();
    if (event.key === "j") select(index + 1);
    else if (event.key === "k") select(index < 0 ? 0 : index - 1);
    else if (event.key === "Enter" && index >= 0) open(rows()[index]);
    else return;
    event.preventDefault();
    return;
  }
  if (PAGE === "case" && FORMS[event.key]) {
    if (focusForm(FORMS[event.key])) event.preventDefault();
  }
});
