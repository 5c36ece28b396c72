import Foundation
import XCTest
import TestSupport

/// Checks the tmux harness itself with plain shell commands, so it is known to work before the
/// application's own end-to-end tests rely on it.
final class TmuxHarnessTests: XCTestCase {
    func testTypesNonASCIIReadsTheScreenAndGetsTheExitStatus() throws {
        let tmux = try startTmux(command: "printf 'Zoë Ōkubo\\n'; read x; echo got:$x")
        try tmux.waitFor("Zoë Ōkubo")
        tmux.type("李 ok")
        tmux.send(keys: "Enter")
        let screen = try tmux.waitFor("got:李 ok")
        XCTAssertTrue(screen.hasPrefix("Zoë Ōkubo\n李 ok\ngot:李 ok"), screen)
        XCTAssertEqual(try tmux.waitForExit(), 0)
        XCTAssertTrue(tmux.hasExited)
        XCTAssertTrue(tmux.screen().contains("got:李 ok"), "the last screen stays readable after the exit")
    }

    func testExitStatusIsReported() throws {
        let tmux = try startTmux(command: "echo bye; exit 3")
        XCTAssertEqual(try tmux.waitForExit(), 3)
        try tmux.waitFor("bye")
    }

    func testTermAndLangAreSetAndSizeIsFixed() throws {
        let tmux = try startTmux(command: "echo term=$TERM lang=$LANG extra=$EXTRA; tput cols; tput lines",
                                 width: 100, height: 30, environment: ["EXTRA": "yes"])
        XCTAssertEqual(try tmux.waitForExit(), 0)
        let screen = tmux.screen()
        XCTAssertTrue(screen.hasPrefix("term=xterm-256color lang=C.UTF-8 extra=yes\n100\n30"), screen)
        XCTAssertEqual(screen.split(separator: "\n", omittingEmptySubsequences: false).count, 30)
    }

    func testNamedKeysReachTheProgram() throws {
        // `od` shows the bytes the terminal sends for each key.
        let tmux = try startTmux(command: "stty raw -echo; echo ready; x=$(dd bs=1 count=7 2>/dev/null | od -An -c); stty sane; printf 'keys:%s\\n' \"$x\"")
        try tmux.waitFor("ready")
        tmux.send(keys: "Tab", "BSpace", "Escape")
        tmux.send(keys: "Up")
        tmux.send(keys: "C-c")
        XCTAssertEqual(try tmux.waitForExit(), 0)
        let screen = tmux.screen()
        // Raw mode ends "ready" without a carriage return, so the line starts further along.
        let line = try XCTUnwrap(screen.split(separator: "\n").first { $0.contains("keys:") }, screen)
        XCTAssertEqual(line.split(separator: "keys:")[1].split(separator: " "), ["\\t", "177", "033", "033", "[", "A", "003"], screen)
    }

    func testResizeChangesTheTerminalSize() throws {
        let tmux = try startTmux(command: "tput cols; tput lines; read x; tput cols; tput lines; read y")
        try tmux.waitUntil("the first size") { $0.hasPrefix("80\n24") }
        try tmux.resize(width: 60, height: 20)
        tmux.send(keys: "Enter")
        let screen = try tmux.waitUntil("the new size") { $0.hasPrefix("80\n24\n\n60\n20") }
        XCTAssertEqual(screen.split(separator: "\n", omittingEmptySubsequences: false).count, 20)
        tmux.send(keys: "Enter")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }

    func testWaitForFailsWithTheLastScreen() throws {
        let tmux = try startTmux(command: "echo something else; sleep 30", width: 40, height: 5)
        try tmux.waitFor("something else")
        XCTAssertThrowsError(try tmux.waitFor("never shown", timeout: 0.3)) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("\"never shown\""), message)
            XCTAssertTrue(message.contains("|something else"), message)
        }
    }

    func testKillLeavesNoServerBehind() throws {
        let tmux = try TmuxSession(command: "sleep 60")
        let folder = tmux.directory
        XCTAssertTrue(tmux.serverIsRunning)
        tmux.kill()
        tmux.kill()
        XCTAssertFalse(tmux.serverIsRunning)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path))

        var socket: String?
        do {
            let dropped = try TmuxSession(command: "sleep 60")
            socket = dropped.socketPath
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: try XCTUnwrap(socket)), "deinit kills the server")
    }

    func testEsafetyBinaryIsFoundAndATemporaryStoreIsPrivate() throws {
        let binary = try esafetyBinary()
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: binary.path), binary.path)
        XCTAssertEqual(binary.lastPathComponent, "esafety")
        let store = try makeTemporaryStore()
        let attributes = try FileManager.default.attributesOfItem(atPath: store.path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o700)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: store.path), [])
    }
}
