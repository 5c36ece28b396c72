import ESafetyCore
import Foundation

/// The bench's rows for work over the whole store (issue 19): each real export as a whole
/// esafety process, against a whole python3 process doing the same work in the same run, and the
/// physical limit of reading the same bytes from the page cache. Incidents are sealed, so python3
/// works from a plain copy of the same records, which the bench writes to its scratch folder and
/// removes afterwards.
extension BenchMeasurements {
    func wholeStoreRows() throws -> [Row] {
        var rows: [Row] = []
        let cat = medianOf(3) { milliseconds { _ = try? BenchChild.shell("find '\(store.path)' -name '*.json*' -not -path '*/backups/*' -print0 | xargs -0 cat > /dev/null") } }
        rows.append(Row(name: "The limit: `cat` of every store file to /dev/null (page cache)", value: cat, unit: "ms", target: "reference", met: nil))

        let workspace = try open(store)
        let head = workspace.session?.fullName ?? ""
        let plain = try scratchCopyOfRecords(workspace)
        workspace.store.close()
        defer { try? FileManager.default.removeItem(at: plain) }
        let signIn = (["--user", head], ["ESAFETY_PASSPHRASE": DemoData.passphrase])
        for (what, format, script, folder, user) in [
            ("signatures", "csv", Self.pythonSignatures, store, false), ("signatures", "json", Self.pythonSignatures, store, false),
            ("incidents", "csv", Self.pythonIncidents, plain, true), ("incidents", "json", Self.pythonIncidents, plain, true),
        ] {
            let arguments = ["export", what, "--format", format, "--store", store.path] + (user ? signIn.0 : [])
            let ours = medianOf(3) { milliseconds { _ = try? BenchChild.run(arguments, environment: user ? signIn.1 : [:], keepOutput: false) } }
            let python = try medianOf(3) { try milliseconds { try BenchChild.python(script, [folder.path, format]) } }
            rows.append(Row(name: "`esafety export \(what) --format \(format)` (whole process\(user ? ", sign-in included" : ""))",
                            value: ours, unit: "ms", target: "", met: nil))
            rows.append(Row(name: "python3 doing the same (whole process: json, csv)", value: python, unit: "ms", target: "reference", met: nil))
            rows.append(Row(name: "Ratio export \(what) \(format) / python3", value: ours / max(python, 0.001), unit: "x",
                            target: "≤ 1.0", met: ours <= python))
        }
        return rows
    }

    /// Every incident record as plain JSON (as the head teacher opens them), one file each.
    private func scratchCopyOfRecords(_ workspace: Workspace) throws -> URL {
        let folder = contention.scratch.appendingPathComponent("plain-incidents")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let encoder = StoreJSON.makeEncoder()
        for record in try workspace.incidents().allRecords() {
            try encoder.encode(record).write(to: folder.appendingPathComponent(record.id + ".json"))
        }
        return folder
    }

    /// python3's export of signatures: the rosters and every signature file read, joined, sorted
    /// and written as CSV or pretty JSON, as `AUPExport.writeSignatures` does.
    static let pythonSignatures = """
        import csv, json, os, sys
        root, fmt = sys.argv[1], sys.argv[2]
        people = {}
        for name in os.listdir(os.path.join(root, 'aup')):
            if name.startswith('roster-') and name.endswith('.json'):
                with open(os.path.join(root, 'aup', name)) as f:
                    for p in json.load(f)['people']:
                        people[p['id']] = p
        sigs = []
        folder = os.path.join(root, 'aup-signatures')
        for name in sorted(os.listdir(folder)):
            if name.endswith('.json'):
                with open(os.path.join(folder, name)) as f:
                    sigs += json.load(f)['signatures']
        sigs.sort(key=lambda s: (s['signedOn'], s['personID'], s['recordedAt']))
        header = ['personID', 'name', 'group', 'class', 'aup', 'version', 'signedOn', 'method', 'witness', 'lapsesAfter', 'recordedAt']
        rows = []
        for s in sigs:
            p = people.get(s['personID'], {})
            rows.append([s['personID'], p.get('fullName', '(removed)'), p.get('group', ''), p.get('className', ''), s['kind'],
                         s['versionID'], s['signedOn'], s['method'], s['witness']['name'], s.get('lapsesAfter', ''), s['recordedAt']])
        with open(os.devnull, 'w') as out:
            if fmt == 'csv':
                w = csv.writer(out); w.writerow(header); w.writerows(rows)
            else:
                json.dump({'signatures': [dict(zip(header, r)) for r in rows]}, out, indent=2, sort_keys=True, ensure_ascii=False)
        """

    /// python3's export of incidents from the plain copy: every record read, then pretty JSON of
    /// them all, or a CSV row each with its lists joined, as `IncidentExport` does.
    static let pythonIncidents = """
        import csv, json, os, sys
        folder, fmt = sys.argv[1], sys.argv[2]
        records = []
        for name in sorted(os.listdir(folder)):
            with open(os.path.join(folder, name)) as f:
                records.append(json.load(f))
        with open(os.devnull, 'w') as out:
            if fmt == 'json':
                json.dump({'incidents': records}, out, indent=2, sort_keys=True, ensure_ascii=False)
            else:
                w = csv.writer(out)
                for r in records:
                    rep = r.get('report', {})
                    w.writerow([r.get('id'), r.get('status'), rep.get('occurredOn', ''), rep.get('reporterName', ''),
                                '; '.join('%s (%s)' % (p.get('name'), p.get('kind')) for p in rep.get('involved', [])),
                                '; '.join(rep.get('typeIDs', [])), rep.get('description', ''), rep.get('outcome', ''),
                                '; '.join('%s (%s, due %s)' % (u.get('what'), u.get('ownerName'), u.get('due')) for u in r.get('followUps', [])),
                                str(len(r.get('revisions', [])))])
        """
}

extension BenchChild {
    /// Runs a program to its end with its output thrown away; throws if it fails.
    static func program(_ path: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw UserFacingError("\(path) \(arguments.first ?? "") failed (status \(process.terminationStatus)) in the bench")
        }
    }

    /// `sh -c command`.
    static func shell(_ command: String) throws { try program("/bin/sh", ["-c", command]) }

    /// python3 running `script` with `arguments` (a whole process, started and ended).
    static func python(_ script: String, _ arguments: [String]) throws { try program("/usr/bin/env", ["python3", "-c", script] + arguments) }
}
