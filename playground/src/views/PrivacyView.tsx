import { readPrivacyRegister, writeApprovedAppList } from "@districtkit/io";
import {
  type AgreementInput,
  buildApprovedAppList,
  buildContractNotices,
  buildNySupplementalInformation,
  type RegisterAppStatus,
  renderPublicDocumentHtml,
  reviewRegister,
} from "@districtkit/vetting";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { DataTable } from "../components/DataTable.js";
import { ProblemList } from "../components/ProblemList.js";
import { currentAsOf } from "../lib/asOf.js";
import { problemsOf } from "../lib/problems.js";
import { datasets } from "../lib/sample.js";
import { engineWorker } from "../worker/client.js";
import type { RosterCheck } from "../worker/privacyTasks.js";

// The sample district's register and the files the check reads, each its own lazily loaded chunk
// (the same files as the examples and the guide).
const registerCsv = () => import("../../../examples/data/privacy/register.csv?raw").then((m) => m.default);
// The OneRoster export (about 4,600 rows) and the licence usage (1,500 lines) are read in the engine
// worker (src/worker/privacyTasks.ts), which loads them itself: reading them here froze the page.

// The sample district is in Oregon, which has no posting rule in the table: the view shows what
// each state with one would have the district publish, from the same register.
const DOCUMENTS = [
  { id: "IL", label: "Approved-app list under Illinois' rules (105 ILCS 85/27)" },
  { id: "OR", label: "Approved-app list under Oregon's (no posting rule in the table)" },
  { id: "NY", label: "New York's supplemental information (Education Law §2-d)" },
  { id: "CT", label: "Connecticut's notices of new contracts (C.G.S. §10-234bb)" },
] as const;

const STATUS_WORDS: Record<string, string> = {
  none: "no agreement",
  requested: "requested",
  signed: "signed",
  expired: "expired",
  approvedNoStudentData: "approved — no student data",
};

const DECISION_WORDS: Record<string, string> = {
  approved: "approved",
  approvedWithConditions: "approved with conditions",
  needsInformation: "needs information",
  denied: "denied",
};

interface Loaded {
  readonly agreements: AgreementInput[];
  readonly readErrors: string[];
}

function useDownload(text: string, type: string): string {
  const url = useMemo(() => URL.createObjectURL(new Blob([text], { type })), [text, type]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return url;
}

export function PrivacyView() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<string[] | null>(null);
  useEffect(() => {
    let live = true;
    registerCsv()
      .then((csv) => {
        const read = readPrivacyRegister(csv);
        if (live) setLoaded({ agreements: [...read.rows], readErrors: read.errors.map((e) => e.message) });
      })
      .catch((e: unknown) => live && setFailure(problemsOf(e)));
    return () => {
      live = false;
    };
  }, []);
  return (
    <section aria-labelledby="privacy-h">
      <h2 id="privacy-h">Privacy: the register, what to publish, what apps receive</h2>
      {failure ? <ProblemList title="The sample register could not be read" problems={failure} /> : !loaded ? <p class="loading">Reading the privacy register…</p> : <Register loaded={loaded} />}
    </section>
  );
}

function Register({ loaded }: { loaded: Loaded }) {
  const asOf = currentAsOf() ?? "2026-07-01";
  const district = datasets.value.district?.data as { name?: string; state?: string } | undefined;
  const [doc, setDoc] = useState<string>("IL");
  const state = doc === "OR" ? "OR" : "IL";
  const register = useMemo(
    () => ({
      district: { name: district?.name ?? "Maple Valley School District", state: district?.state ?? "OR", privacyContact: "privacy@mvsd.example.org", website: "https://mvsd.example.org" },
      agreements: loaded.agreements,
    }),
    [loaded, district],
  );
  const review = useMemo(() => reviewRegister(register, { asOf }), [register, asOf]);
  const list = useMemo(() => buildApprovedAppList(register, { asOf, state }), [register, asOf, state]);
  const conditions = useMemo(() => new Map(list.entries.map((e) => [e.appId, e.conditions] as const)), [list]);
  // the document chosen: its summary and gaps are shown, never another document's
  const published = useMemo(
    () =>
      doc === "NY"
        ? buildNySupplementalInformation({ ...register, district: { ...register.district, state: "NY" } }, { asOf })
        : doc === "CT"
          ? buildContractNotices({ ...register, district: { ...register.district, state: "CT" } }, { asOf, since: "2025-07-01" })
          : list,
    [doc, list, register, asOf],
  );
  const html = useMemo(() => renderPublicDocumentHtml(published), [published]);
  const csv = useMemo(() => writeApprovedAppList(list), [list]);
  const htmlUrl = useDownload(html, "text/html");
  const csvUrl = useDownload(csv, "text/csv");
  const frame = useRef<HTMLIFrameElement>(null);
  const apps = review.filter((a) => a.status !== "approvedNoStudentData");
  const [appId, setAppId] = useState<string>("writemate-ai");
  // the roster check and the apps in use run in the worker; the last answer stays on screen, marked busy, until the next one lands
  const sharing = useWorkerTask(() => engineWorker().privacyRosterCheck(register, appId, asOf), [appId, register, asOf]);
  const unvetted = useWorkerTask(() => engineWorker().privacyUnvetted(register, asOf), [register, asOf]);
  const appName = apps.find((a) => a.appId === appId)?.appName ?? appId;

  return (
    <>
      <p class="lede" data-testid="privacy-lede">
        {review.length} apps in the register on {asOf}: {review.filter((a) => a.cleared).length} cleared for student use, {review.filter((a) => a.issues.length > 0).length} needing attention.
      </p>
      {loaded.readErrors.length > 0 && (
        <div class="notice notice-warning" role="status">
          <strong>Rows of the register that could not be read</strong>
          <ul>
            {loaded.readErrors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      <DataTable
        caption="Privacy register: each app's agreement on the as-of date"
        columns={[
          { key: "a", label: "App", value: (a: RegisterAppStatus) => a.appName },
          { key: "s", label: "Agreement", value: (a: RegisterAppStatus) => STATUS_WORDS[a.status] ?? a.status },
          { key: "e", label: "Expires", value: (a: RegisterAppStatus) => a.currentAgreement?.expiresOn ?? "—" },
          { key: "d", label: "Decision", value: (a: RegisterAppStatus) => (a.decision === null ? "not vetted" : DECISION_WORDS[a.decision]) },
          { key: "c", label: "Cleared", value: (a: RegisterAppStatus) => (a.cleared ? "yes" : "no") },
          { key: "w", label: "Needs attention / conditions of use", value: (a: RegisterAppStatus) => [...a.issues, ...(conditions.get(a.appId) ?? [])].join("; ") || "—" },
        ]}
        rows={review}
      />

      <section class="panel" aria-labelledby="published-list">
        <h3 id="published-list">What to publish</h3>
        <label>
          Document{" "}
          <select value={doc} onChange={(e) => setDoc((e.target as HTMLSelectElement).value)} aria-label="Document to publish">
            {DOCUMENTS.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
          </select>
        </label>
        <p data-testid="approved-list-summary">{published.summary}</p>
        {published.gaps.length > 0 && (
          <details>
            <summary>{published.gaps.length} gaps to fill before posting</summary>
            <ul>
              {published.gaps.map((g, i) => (
                <li key={i}>{`${g.appName ?? "The list"}: ${g.missing} (${g.citation})`}</li>
              ))}
            </ul>
          </details>
        )}
        {published.kind === "approvedAppList" && list.deadlines.length > 0 && (
          <ul data-testid="approved-list-deadlines">
            {list.deadlines.map((d, i) => (
              <li key={i}>{d.explanation}</li>
            ))}
          </ul>
        )}
        {published.kind === "approvedAppList" && list.withheld.length > 0 && <p>Withheld: {list.withheld.map((w) => `${w.appName} — ${w.reason}`).join("; ")}.</p>}
        <div class="no-print">
          <button type="button" onClick={() => frame.current?.contentWindow?.print()}>
            Print this document
          </button>{" "}
          <a href={htmlUrl} download="approved-apps.html">
            Download the page (HTML)
          </a>{" "}
          <a href={csvUrl} download="approved-apps.csv">
            Download the list (CSV)
          </a>
        </div>
        <iframe ref={frame} title="The document as it will be published" srcDoc={html} sandbox="allow-same-origin allow-modals" class="public-document" data-testid="approved-list-frame" />
      </section>

      <section class="panel" aria-labelledby="roster-check">
        <h3 id="roster-check">What the roster sync sends an app, against its agreement</h3>
        <label>
          App{" "}
          <select value={appId} onChange={(e) => setAppId((e.target as HTMLSelectElement).value)} aria-label="App whose roster sync to check">
            {apps.map((a) => (
              <option key={a.appId} value={a.appId}>
                {a.appName}
              </option>
            ))}
          </select>
        </label>
        <p class="hint">The sample district's whole OneRoster export (users, roles, enrollments) as a rostering service would send it.</p>
        <div aria-busy={sharing.busy} data-testid="roster-check">
          {sharing.busy && (
            <p class="loading" role="status">
              Reading the roster sent to {appName} in the engine worker…
            </p>
          )}
          {/* the last answer stays, dimmed, until the next one lands: the page does not jump */}
          <div class={sharing.busy ? "is-busy" : undefined}>
            {sharing.outcome && !sharing.outcome.ok && <ProblemList title="The roster could not be checked" problems={sharing.outcome.problems} />}
            {sharing.outcome?.ok && <RosterResult result={sharing.outcome.value.result} />}
          </div>
        </div>
      </section>

      <section class="panel" aria-labelledby="unvetted">
        <h3 id="unvetted">Apps in use that the register does not clear</h3>
        <div aria-busy={unvetted.busy}>
          {unvetted.busy && (
            <p class="loading" role="status">
              Reading the licence usage in the engine worker…
            </p>
          )}
          <div class={unvetted.busy ? "is-busy" : undefined}>
            {unvetted.outcome && !unvetted.outcome.ok && <ProblemList title="The usage could not be checked" problems={unvetted.outcome.problems} />}
            {unvetted.outcome?.ok && (
              <>
                <p data-testid="unvetted-summary">{unvetted.outcome.value.summary}</p>
                <ol>
                  {unvetted.outcome.value.apps.map((a) => (
                    <li key={a.product}>{a.explanation}</li>
                  ))}
                </ol>
              </>
            )}
          </div>
        </div>
      </section>
    </>
  );
}

type Sharing = RosterCheck["result"];
type Outcome<V> = { ok: true; value: V } | { ok: false; problems: string[] };

function RosterResult({ result }: { result: Sharing }) {
  return (
    <>
      <p data-testid="roster-summary">{result.summary}</p>
      <ul>
        {result.findings.map((f) => (
          <li key={f}>{f}</li>
        ))}
      </ul>
      {result.excessFields.length > 0 && (
        <DataTable
          caption="Columns beyond the agreement"
          columns={[
            { key: "f", label: "Column", value: (f: Sharing["excessFields"][number]) => `${f.file} ${f.column}` },
            { key: "c", label: "Data category", value: (f: Sharing["excessFields"][number]) => f.category },
            { key: "n", label: "Rows", kind: "num", value: (f: Sharing["excessFields"][number]) => String(f.count) },
            { key: "r", label: "Why", value: (f: Sharing["excessFields"][number]) => f.reason },
          ]}
          rows={result.excessFields}
        />
      )}
    </>
  );
}

/**
 * A worker call rerun when its inputs change: its last outcome (kept on screen while the next one
 * runs, so the page does not jump) and whether a call is in flight (shown as aria-busy). An answer
 * that arrives after newer inputs were asked for is dropped.
 */
function useWorkerTask<V>(run: () => Promise<Outcome<V>>, deps: readonly unknown[]): { outcome: Outcome<V> | null; busy: boolean } {
  const [state, setState] = useState<{ outcome: Outcome<V> | null; busy: boolean }>({ outcome: null, busy: true });
  useEffect(() => {
    let live = true;
    setState((s) => (s.busy ? s : { ...s, busy: true }));
    run().then(
      (outcome) => live && setState({ outcome, busy: false }),
      (e: unknown) => live && setState({ outcome: { ok: false, problems: problemsOf(e) }, busy: false }),
    );
    return () => {
      live = false;
    };
  }, deps);
  return state;
}
