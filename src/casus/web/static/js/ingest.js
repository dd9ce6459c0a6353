// Upload articles to the server, then poll the job until every document is committed.
"use strict";
(function () {
  const form = document.getElementById("ingest-form");
  const status = document.getElementById("ingest-status");
  function show(job) {
    const lines = [
      "job " + job.job_id + ": " + job.status,
      job.stored + " stored, " + job.unchanged + " unchanged, " + job.rejected + " rejected, " + job.events + " events",
    ].concat(job.problems || []);
    const list = document.createElement("ul");
    for (const line of lines) {
      const item = document.createElement("li");
      item.textContent = line;
      list.appendChild(item);
    }
    for (const id of job.doc_ids || []) {
      const item = document.createElement("li");
      const a = document.createElement("a");
      a.href = "/documents/" + encodeURIComponent(id);
      a.textContent = "open " + id;
      item.appendChild(a);
      list.appendChild(item);
    }
    status.replaceChildren(list);
  }
  async function poll(id) {
    const response = await fetch("/api/ingest/" + encodeURIComponent(id), {credentials: "same-origin"});
    const job = await response.json();
    show(job);
    if (job.status === "queued" || job.status === "running") setTimeout(() => poll(id), 800);
  }
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    status.textContent = "uploading…";
    const response = await fetch(form.action, {method: "POST", body: new FormData(form), credentials: "same-origin"});
    const body = await response.json();
    if (!response.ok) { status.textContent = body.error ? body.error.message : "upload failed"; return; }
    show(body);
    poll(body.job_id);
  });
})();
