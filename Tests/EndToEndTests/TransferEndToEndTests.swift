import Foundation
import XCTest
import TestSupport

/// Child-protection file transfer through the built binary, between two demo stores: the
/// commands as a school runs them in a shell, and the same steps in the app under tmux.
final class TransferEndToEndTests: XCTestCase {
    private let lead = ["--user", "Tom Whitfield"]
    private let passphrase = ["ESAFETY_PASSPHRASE": TmuxSession.demoPassphrase]

    private func demoStore() throws -> URL {
        let store = try makeTemporaryStore()
        let created = try runEsafety(["init", "--demo", "--store", store.path])
        XCTAssertEqual(created.status, 0, created.standardError)
        return store
    }

    /// Runs a shell command line with the binary as `$E` (so `$(…)` works as a school types it).
    private func shell(_ line: String, environment: [String: String] = [:]) throws -> CommandResult {
        try runEsafety(["-c", line], binary: URL(fileURLWithPath: "/bin/sh"),
                       environment: environment.merging(["E": try esafetyBinary().path]) { $1 })
    }

    func testAFileGoesFromOneSchoolToTheOtherAndItsReceiptComesBack() throws {
        let sending = try demoStore(), receiving = try demoStore()
        let bundle = sending.appendingPathComponent("zoe.bundle")

        let key = try runEsafety(["transfer", "key", "--store", receiving.path])
        XCTAssertEqual(key.status, 0, key.standardError)
        XCTAssertEqual(key.standardOutput.split(separator: "\n").count, 1, "only the key on standard output: \(key.standardOutput)")
        XCTAssertTrue(key.standardOutput.hasPrefix("esafety-transfer-1."), key.standardOutput)

        let out = try shell("\"$E\" transfer out 'Zoë Ōkubo' --to \"$(\"$E\" transfer key --store '\(receiving.path)')\" -o '\(bundle.path)' "
                            + "--store '\(sending.path)' --user 'Tom Whitfield'", environment: passphrase)
        XCTAssertEqual(out.status, 0, out.standardError)
        XCTAssertTrue(out.standardOutput.contains("2 incidents of Zoë Ōkubo sealed to Hollybrook Primary School"), out.standardOutput)
        XCTAssertTrue(out.standardOutput.contains("Receipt due by"), out.standardOutput)

        // python3 reads the bundle: its format, and nothing of the file in the clear.
        let outside = try shell("python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d[\"format\"], sorted(d))' '\(bundle.path)'")
        XCTAssertEqual(outside.standardOutput, "esafety-transfer-bundle ['format', 'formatVersion', 'recipientKey', 'sealed']\n", outside.standardError)
        let raw = try String(contentsOf: bundle, encoding: .utf8)
        XCTAssertFalse(raw.contains("Zoë") || raw.contains("betting"), "sealed")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: bundle.path)[.posixPermissions] as? Int, 0o600)

        // Another school's store cannot open it; the receiving school's can, once.
        let third = try demoStore()
        XCTAssertEqual(try runEsafety(["transfer", "key", "--store", third.path]).status, 0)
        let wrong = try runEsafety(["transfer", "in", bundle.path, "--store", third.path] + lead, environment: passphrase)
        XCTAssertEqual(wrong.status, 1)
        XCTAssertTrue(wrong.standardError.contains("sealed to another school's transfer key"), wrong.standardError)

        let received = try runEsafety(["transfer", "in", bundle.path, "--store", receiving.path] + lead, environment: passphrase)
        XCTAssertEqual(received.status, 0, received.standardError)
        let codeLine = try XCTUnwrap(received.standardOutput.split(separator: "\n").first { $0.hasPrefix("Receipt code: ") })
        let code = String(codeLine.dropFirst("Receipt code: ".count))
        XCTAssertNotNil(code.range(of: "^[A-Z0-9]{4}-[A-Z0-9]{4}$", options: .regularExpression), code)
        XCTAssertTrue(received.standardOutput.contains("2026-0004, 2026-0005 (read-only)"), received.standardOutput)
        let again = try runEsafety(["transfer", "in", bundle.path, "--store", receiving.path] + lead, environment: passphrase)
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.standardError.contains("imported already") && again.standardError.contains(code), again.standardError)

        let printed = try runEsafety(["report", "incident", "2026-0004", "--store", receiving.path] + lead, environment: passphrase)
        XCTAssertTrue(printed.standardOutput.contains("Prior record from: Hollybrook Primary School (fictional demo)")
                      && printed.standardOutput.contains("(their 2026-0001)"), printed.standardOutput)

        // The sending school records the receipt; it is no longer overdue a week later.
        let receipt = try runEsafety(["transfer", "receipt", code.lowercased(), "--store", sending.path] + lead, environment: passphrase)
        XCTAssertEqual(receipt.status, 0, receipt.standardError)
        let later = try runEsafety(["transfer", "list", "--store", sending.path] + lead,
                                   environment: passphrase.merging(["ESAFETY_TODAY": "2027-01-20"]) { $1 })
        XCTAssertEqual(later.standardOutput.split(separator: "\n").filter { $0.contains("(OVERDUE)") }.count, 1,
                       "only the demo's transfer, never receipted: \(later.standardOutput)")
        XCTAssertTrue(later.standardOutput.contains("Zoë Ōkubo's file to Hollybrook Primary School (fictional demo), due"), later.standardOutput)

        let figures = try runEsafety(["report", "figures", "--store", sending.path])
        XCTAssertTrue(figures.standardOutput.contains("Child-protection files: 2 sent (1 without receipt), 0 received"), figures.standardOutput)
        XCTAssertFalse(figures.standardOutput.contains("Zoë"))
        for store in [sending, receiving] {
            let check = try runEsafety(["check", "--store", store.path])
            XCTAssertEqual(check.status, 0, check.standardOutput + check.standardError)
        }
    }

    func testOnlyLeadsTransferAndBadInputIsNamed() throws {
        let store = try demoStore()
        let office = try runEsafety(["transfer", "out", "Zoë Ōkubo", "--to", "x", "-o", "/tmp/never", "--store", store.path,
                                     "--user", "Siobhán Byrne"], environment: passphrase)
        XCTAssertEqual(office.status, 1)
        XCTAssertTrue(office.standardError.contains("send or receive child-protection files"), office.standardError)
        let badKey = try runEsafety(["transfer", "out", "Zoë Ōkubo", "--to", "esafety-transfer-1.abc", "-o", "/tmp/never",
                                     "--store", store.path] + lead, environment: passphrase)
        XCTAssertTrue(badKey.standardError.contains("That is not a transfer key"), badKey.standardError)
        let badCode = try runEsafety(["transfer", "receipt", "12", "--store", store.path] + lead, environment: passphrase)
        XCTAssertTrue(badCode.standardError.contains("12 is not a receipt code"), badCode.standardError)
        let notBundle = try runEsafety(["transfer", "in", store.appendingPathComponent("profile.json").path, "--store", store.path] + lead,
                                       environment: passphrase)
        XCTAssertTrue(notBundle.standardError.contains("not an esafety transfer bundle"), notBundle.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/never"))
    }

    func testTheAppShowsTheOverdueTransferReceivesAFileAndRecordsTheReceipt() throws {
        let sending = try demoStore(), receiving = try demoStore()
        let bundle = sending.appendingPathComponent("zoe.bundle")
        let out = try shell("\"$E\" transfer out pupil-0001 --to \"$(\"$E\" transfer key --store '\(receiving.path)')\" -o '\(bundle.path)' "
                            + "--store '\(sending.path)' --user 'Tom Whitfield'", environment: passphrase)
        XCTAssertEqual(out.status, 0, out.standardError)
        let binary = try esafetyBinary()

        let receiver = try startTmux(command: "\(TmuxSession.quote(binary.path)) --store \(TmuxSession.quote(receiving.path))", width: 100, height: 30)
        try receiver.signIn(as: "Tom Whitfield")
        try receiver.waitFor("No receipt: Amir Jönsson's f")  // the demo's overdue transfer, on the dashboard
        receiver.send(keys: "1")
        try receiver.waitFor("Child-protection file transfers")
        receiver.send(keys: "6")
        try receiver.waitFor("OVERDUE   T2026-0001 Amir Jönsson to Northgate Academy (fictional)")
        receiver.send(keys: "F3")
        try receiver.waitFor("Receive a child-protection file")
        receiver.type(bundle.path)
        receiver.send(keys: "F2")
        let shown = try receiver.waitFor("Receipt code: ")
        let line = try XCTUnwrap(shown.split(separator: "\n").first { $0.contains("Receipt code: ") })
        let code = String(try XCTUnwrap(line.range(of: "[A-Z0-9]{4}-[A-Z0-9]{4}", options: .regularExpression).map { line[$0] }))
        XCTAssertTrue(shown.contains("They are read-only"), shown)
        receiver.send(keys: "F10")
        XCTAssertEqual(try receiver.waitForExit(), 0)

        let sender = try startTmux(command: "\(TmuxSession.quote(binary.path)) --store \(TmuxSession.quote(sending.path))")
        try sender.signIn(as: "Tom Whitfield")
        sender.send(keys: "1")
        try sender.waitFor("Child-protection file transfers")
        sender.send(keys: "6")
        try sender.waitFor("awaiting  T2026-0002 Zoë Ōkubo to Hollybrook")
        sender.send(keys: "F4")
        try sender.waitFor("Record a receipt")
        sender.type(code)
        sender.send(keys: "F2")
        try sender.waitFor("Recorded the receipt of transfer T2026-0002")
        try sender.waitFor("receipted T2026-0002 Zoë Ōkubo to Hollybrook")
        sender.send(keys: "F10")
        XCTAssertEqual(try sender.waitForExit(), 0)
        let list = try runEsafety(["transfer", "list", "--store", sending.path] + lead, environment: passphrase)
        XCTAssertTrue(list.standardOutput.contains("T2026-0002: Zoë Ōkubo's file to Hollybrook Primary School (fictional demo), due"), list.standardOutput)
        XCTAssertTrue(list.standardOutput.contains(", received"), list.standardOutput)
    }
}
