import { render } from "preact";
import { App } from "./app.js";
import { loadSample } from "./lib/sample.js";
import { persist, restore } from "./state/store.js";
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
  await Promise.all([restore(), loadSample()]);
  persist();
  const root = document.getElementById("app")!;
  root.replaceChildren();
  render(<App />, root);
}

start().catch((e: unknown) => showFatal(e instanceof Error ? e.message : String(e)));
