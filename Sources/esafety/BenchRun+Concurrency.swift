import ESafetyCore
import Foundation

/// The rows of `bench run` for several sessions on one store: `check` with every hash
/// verified against python3 doing the same work, another session's change seen by a running
/// app, and the contention run on a copy of the store.
extension BenchMeasurements {
    func concurrencyRows() throws -> [Row] {
        var rows: [Row] = []
        let check = medianOf(3) { milliseconds { _ = try? BenchChild.run(["check", "--store", store.path], keepOutput: false) } }
        let python = try medianOf(3) { try pythonCheckMilliseconds(store) }
        rows.append(Row(name: "`esafety check`: every document read, parsed strictly and its SHA-256 proven against the whole audit log",
                        value: check, unit: "ms", target: "(issue 19: ≤ python3)", met: nil))
        rows.append(Row(name: "python3 reading, SHA-256 hashing and json-parsing the same files and every audit line, and verifying every Ed25519 signature", value: python,
                        unit: "ms", target: "reference", met: nil))
        rows.append(Row(name: "Ratio check / python3", value: check / max(python, 0.001), unit: "x", target: "(issue 19: ≤ 1.0)", met: nil))

        let seen = try (0..<5).map { try changeSeenMilliseconds(round: $0) }.sorted()
        rows.append(Row(name: "Another session's change seen by a running app (median of 5: commit to screen; the app settled after its opening proof)", value: seen[2], unit: "ms",
                        target: "≤ 2000 ms", met: seen[2] <= 2000))
        rows.append(Row(name: "The same, worst of 5", value: seen[4], unit: "ms", target: "≤ 2000 ms", met: seen[4] <= 2000))

        let copy = try scratchCopy(named: "contention")
        defer { try? FileManager.default.removeItem(at: copy) }
        let output = try? BenchChild.run(["bench", "contention", "--store", copy.path, "--processes", String(contention.processes),
                                          "--seconds", String(contention.seconds)])
        func value(_ name: String) -> Double { BenchChild.value(name, in: output ?? "") ?? -1 }
        let label = "\(contention.processes) processes saving at random for \(Int(contention.seconds)) s (signatures, follow-ups, incidents, people)"
        rows.append(Row(name: "Contention, \(label): saves acknowledged", value: value("saves"), unit: "", target: "", met: nil))
        for (name, what) in [("lost", "lost updates"), ("duplicates", "ids given twice"), ("errors", "saves refused"),
                             ("check", "`check` problems after (the chain, every document against its entry)")] {
            let count = value(name)
            rows.append(Row(name: "Contention: \(what)", value: count, unit: "", target: "0", met: count == 0))
        }
        let p50 = value("p50"), p99 = value("p99")
        rows.append(Row(name: "Contention: save latency p50", value: p50, unit: "ms", target: "", met: nil))
        rows.append(Row(name: "Contention: save latency p99", value: p99, unit: "ms", target: "≤ 25 ms", met: p99 >= 0 && p99 <= 25))
        rows.append(try rotationRow())  // BenchRotation.swift
        rows += try wholeStoreRows()  // BenchWholeStore.swift
        return rows
    }

    /// A watcher process (`bench watch`) shows the directory's people; this process adds one and
    /// notes when the commit returned; the watcher notes when the name was drawn.
    private func changeSeenMilliseconds(round: Int) throws -> Double {
        let name = "Bench Watch \(getpid())-\(round)"
        let watcher = Process()
        watcher.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.resolvingSymlinksInPath()
        watcher.arguments = ["bench", "watch", "--store", store.path, "--name", name]
        let pipe = Pipe()
        watcher.standardOutput = pipe
        try watcher.run()
        var output = ""
        while !output.contains("ready\n") {
            let chunk = pipe.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw UserFacingError("bench watch ended before it was ready") }
            output += String(decoding: chunk, as: UTF8.self)
        }
        let workspace = try open(store, access: .readWrite)
        _ = try workspace.addPerson(fullName: name)
        let committed = DispatchTime.now().uptimeNanoseconds
        workspace.store.close()
        output += String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        watcher.waitUntilExit()
        guard watcher.terminationStatus == 0, let seen = BenchChild.value("seen", in: output) else {
            throw UserFacingError("bench watch never saw the change")
        }
        return max(0, (seen - Double(committed)) / 1e6)
    }

    /// python3 doing what `check` does: every document read, SHA-256 hashed and parsed; every
    /// audit line hashed and parsed; and every signed entry's Ed25519 signature verified over
    /// its line without the signature, by the key its signer holds in `authority.json`
    /// (`cryptography`, OpenSSL's Ed25519, as esafety's is BoringSSL's).
    private func pythonCheckMilliseconds(_ url: URL) throws -> Double {
        let script = """
            import base64, hashlib, json, os, sys, time
            try:
                from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
            except ImportError:
                sys.exit('python3 cannot verify Ed25519 signatures: pip install cryptography')
            root = sys.argv[1]
            paths = []
            for name in sorted(os.listdir(root)):
                path = os.path.join(root, name)
                if os.path.isdir(path) and name != 'backups':
                    paths += [os.path.join(path, f) for f in sorted(os.listdir(path)) if f.endswith('.json') and not f.startswith('.')]
                elif name.endswith('.json'):
                    paths.append(path)
            start = time.perf_counter()
            for p in paths:
                with open(p, 'rb') as f:
                    data = f.read()
                hashlib.sha256(data).hexdigest()
                json.loads(data)
            with open(os.path.join(root, 'authority.json'), 'rb') as f:
                authority = json.loads(f.read())
            keys = {'root': Ed25519PublicKey.from_public_bytes(base64.b64decode(authority['rootPublicKey']))}
            for statement in authority['statements']:
                for account in statement['accounts']:
                    keys[account['personID']] = Ed25519PublicKey.from_public_bytes(base64.b64decode(account['signingKey']))
            member = b',"signature":"'
            with open(os.path.join(root, 'audit.jsonl'), 'rb') as f:
                for line in f.read().split(b'\\n'):
                    if line:
                        hashlib.sha256(line).hexdigest()
                        entry = json.loads(line)
                        if entry.get('signature') is not None:
                            at = line.find(member)
                            end = line.index(b'"', at + len(member))
                            keys[entry['signer']].verify(base64.b64decode(entry['signature']), line[:at] + line[end + 1:])
            print((time.perf_counter() - start) * 1000)
            """
        return try pythonMilliseconds(script, url)
    }
}
