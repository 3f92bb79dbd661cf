import { render } from "preact";
import { App } from "./app.js";
import { loadSample } from "./lib/sample.js";
import { persistImported, restoreImported } from "./state/importStore.js";
import { notice, persist, restore } from "./state/store.js";
import "./styles.css";

// Report anything that escapes as a visible message, never a blank page.
function showFatal(message: string) {
  const el = document.getElementById("app");
  if (el && !el.querySelector(".app-header")) {
    el.innerHTML = "";
    const p = document.createElement("p");
    p.className = "notice notice-error";
    p.setAttribute("role", "alert");
    p.textContent = `The playground could not start: ${message}`;
    el.append(p);
  }
}

async function start() {
  // imported files first, so the sample never replaces them on the way in
  const storeProblem = await restoreImported();
  await Promise.all([restore(), loadSample()]);
  persist();
  persistImported();
  if (storeProblem)
    notice.value = {
      kind: "error",
      title: "Files imported earlier could not be read back from this browser's storage",
      lines: [storeProblem, "The sample district is shown; import the files again."],
    };
  const root = document.getElementById("app")!;
  root.replaceChildren();
  render(<App />, root);
}

start().catch((e: unknown) => showFatal(e instanceof Error ? e.message : String(e)));
