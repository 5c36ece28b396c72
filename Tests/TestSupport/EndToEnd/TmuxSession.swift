import Foundation
import XCTest

/// A failure of the tmux harness; the description carries the last screen seen.
public struct TmuxError: Error, CustomStringConvertible {
    public var description: String
}

/// Drives a command in a real terminal: a private tmux server (its own socket, no user config)
/// with one detached session of a fixed size. Keys go in with `send-keys`, the screen comes back
/// with `capture-pane`, and waits poll the screen until the expected text shows (faster and
/// steadier than sleeps). The server is killed in `kill()` and in `deinit`, so none is left behind
/// even when a test fails.
///
///     let tmux = try TmuxSession(command: "\(esafetyBinary().path) --store \(store.path)")
///     try tmux.waitFor("F10 Quit")
///     tmux.send(keys: "F10")
///     XCTAssertEqual(try tmux.waitForExit(), 0)
public final class TmuxSession {
    /// The folder holding the socket and the exit-status file; removed by `kill()`.
    public let directory: URL
    public let socketPath: String
    public let statusFile: URL
    private(set) var size: (width: Int, height: Int)
    private(set) var isKilled = false
    private let tmux: String
    private let target = "e2e"

    /// The tmux executable, or nil when it is not installed.
    public static var tmuxPath: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"] {
            let candidate = "\(directory)/tmux"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Starts `command` (a /bin/sh command line) in a new detached session `width` x `height`,
    /// with `TERM` set in the command itself (tmux overrides `-e TERM`), `LANG=C.UTF-8` and any
    /// extra `environment`. Throws `XCTSkip` when tmux is missing.
    public init(command: String, width: Int = 80, height: Int = 24, term: String = "xterm-256color",
         environment: [String: String] = [:], workingDirectory: URL? = nil) throws {
        guard let tmux = Self.tmuxPath else {
            throw XCTSkip("tmux is not installed, so the end-to-end tests cannot drive a terminal (apt-get install tmux)")
        }
        self.tmux = tmux
        var template = Array("/tmp/esafety-tmux-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw TmuxError(description: "cannot make a temporary folder for the tmux socket")
        }
        directory = URL(fileURLWithPath: String(cString: made), isDirectory: true)
        socketPath = directory.appendingPathComponent("sock").path
        statusFile = directory.appendingPathComponent("status")
        size = (width, height)

        // Tests sign in many times: a cheap scrypt cost keeps them quick (real accounts use 2^15).
        // A crash signal chains to the Swift runtime's backtracer, which on a terminal waits for
        // a key before it exits: here it writes its backtrace to `backtrace.txt` in the
        // session's folder and exits at once, leaving the screen to what esafety wrote.
        var script = "export TERM=\(Self.quote(term)); export ESAFETY_SCRYPT_COST_LOG2=10; "
            + "export SWIFT_BACKTRACE=\(Self.quote("interactive=no,output-to=" + directory.appendingPathComponent("backtrace.txt").path)); "
        if let workingDirectory { script += "cd \(Self.quote(workingDirectory.path)) || exit 99; " }
        // The command runs in a subshell so an `exit` in it still reaches the status line. After
        // it, the shell signals `done` and then blocks, keeping the pane (and its last screen)
        // alive until the server is killed.
        script += "(\(command)\n); echo $? > \(Self.quote(statusFile.path)); "
        script += "\(Self.quote(tmux)) -S \(Self.quote(socketPath)) wait-for -S done; "
        script += "\(Self.quote(tmux)) -S \(Self.quote(socketPath)) wait-for esafety-never"

        var arguments = ["new-session", "-d", "-s", target, "-x", String(width), "-y", String(height),
                         "-e", "LANG=C.UTF-8"]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(key)=\(value)"] }
        arguments += ["/bin/sh", "-c", script]
        let result = try run(arguments)
        guard result.status == 0 else {
            kill()
            throw TmuxError(description: "tmux new-session failed (\(result.status)): \(result.error)")
        }
    }

    deinit { kill() }

    // MARK: Input

    /// Sends named keys, one per argument: "Enter", "Escape", "F1", "F10", "Tab", "BTab", "Up",
    /// "Down", "BSpace", "C-c", "PPage" … (tmux key names).
    public func send(keys: String...) {
        send(keys: keys)
    }

    public func send(keys: [String]) {
        guard !keys.isEmpty else { return }
        _ = try? run(["send-keys", "-t", target] + keys)
    }

    /// Types text literally, non-ASCII included (no key-name lookup).
    public func type(_ text: String) {
        guard !text.isEmpty else { return }
        _ = try? run(["send-keys", "-t", target, "-l", text])
    }

    /// Sends raw bytes to the program, exactly as a terminal would (`send-keys -H`): the escape
    /// sequences of one particular terminal, say, with no translation by tmux.
    public func send(bytes text: String) {
        let hex = text.utf8.map { String(format: "%02x", $0) }
        guard !hex.isEmpty else { return }
        _ = try? run(["send-keys", "-t", target, "-H"] + hex)
    }

    /// Pastes text as a terminal pastes it: bracketed (`ESC [ 200 ~` … `ESC [ 201 ~`) when the
    /// program turned bracketed paste on, all at once either way.
    public func paste(_ text: String) throws {
        let file = directory.appendingPathComponent("paste")
        try Data(text.utf8).write(to: file)
        _ = try run(["load-buffer", "-b", "paste", file.path])
        _ = try run(["paste-buffer", "-p", "-d", "-b", "paste", "-t", target])
    }

    // MARK: Output

    /// The visible screen, one line per row, trailing spaces removed by tmux.
    public func screen() -> String {
        guard let result = try? run(["capture-pane", "-p", "-t", target]), result.status == 0 else { return "" }
        var text = result.output
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Polls the screen every 50 ms until it contains `text`, and returns it; throws with the last
    /// screen in the message when `timeout` passes first.
    @discardableResult
    public func waitFor(_ text: String, timeout: TimeInterval = 10) throws -> String {
        try waitUntil("\"\(text)\" on screen", timeout: timeout) { $0.contains(text) }
    }

    /// Polls the screen until `condition` holds.
    @discardableResult
    public func waitUntil(_ what: String, timeout: TimeInterval = 10, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        repeat {
            last = screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        throw TmuxError(description: "timed out after \(timeout) s waiting for \(what). Last screen (\(size.width)x\(size.height)):\n"
                        + Self.frame(last, width: size.width))
    }

    /// Waits for the command to finish and returns its exit status (128 + n after signal n).
    public func waitForExit(timeout: TimeInterval = 10) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            if let text = try? String(contentsOf: statusFile, encoding: .utf8),
               let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return status
            }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        throw TmuxError(description: "timed out after \(timeout) s waiting for the command to exit. Last screen:\n"
                        + Self.frame(screen(), width: size.width))
    }

    /// True once the command has finished.
    public var hasExited: Bool { FileManager.default.fileExists(atPath: statusFile.path) }

    // MARK: Control

    /// Changes the terminal's size, as a user dragging the window would (the program gets SIGWINCH).
    public func resize(width: Int, height: Int) throws {
        let result = try run(["resize-window", "-t", target, "-x", String(width), "-y", String(height)])
        guard result.status == 0 else { throw TmuxError(description: "tmux resize-window failed: \(result.error)") }
        size = (width, height)
    }

    /// Where the terminal's own cursor is (0-based column and row), as screen readers see it:
    /// `display -p '#{cursor_x},#{cursor_y}'`.
    public func cursor() -> (x: Int, y: Int)? {
        guard let result = try? run(["display-message", "-p", "-t", target, "#{cursor_x},#{cursor_y}"]) else { return nil }
        let parts = result.output.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",").compactMap { Int($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }

    /// Whether the terminal's cursor is shown (`#{cursor_flag}`).
    public func cursorIsVisible() -> Bool {
        (try? run(["display-message", "-p", "-t", target, "#{cursor_flag}"]))?.output.hasPrefix("1") ?? false
    }

    /// The process id of the pane's shell (`/bin/sh -c …`). The command runs in a subshell of it;
    /// to signal the program itself, find it with `pgrep -P` or have it write its own pid.
    public func panePID() -> Int32? {
        guard let result = try? run(["display-message", "-p", "-t", target, "#{pane_pid}"]) else { return nil }
        return Int32(result.output.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Sends a signal ("KILL", "HUP", "SEGV") to the program itself: the pane's shell runs it as
    /// its child, found by parent and name with `pkill -P`.
    public func signalProgram(_ signal: String, name: String = "esafety") throws {
        guard let pid = panePID() else { throw TmuxError(description: "the pane has no process id") }
        let pkill = Process()
        pkill.executableURL = URL(fileURLWithPath: "/usr/bin/pkill")
        pkill.arguments = ["-" + signal, "-P", String(pid), name]
        try pkill.run()
        pkill.waitUntilExit()
    }

    /// Kills the private server and removes its folder. Safe to call more than once.
    public func kill() {
        guard !isKilled else { return }
        isKilled = true
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(at: directory)
    }

    /// True while the private server answers.
    public var serverIsRunning: Bool {
        guard FileManager.default.fileExists(atPath: socketPath), let result = try? run(["has-session", "-t", target]) else { return false }
        return result.status == 0
    }

    // MARK: Internals

    private struct RunResult {
        var status: Int32
        var output: String
        var error: String
    }

    private func run(_ arguments: [String]) throws -> RunResult {
        // -u: the client is UTF-8, so capture-pane prints non-ASCII as is.
        var environment = ProcessInfo.processInfo.environment
        environment["SHELL"] = "/bin/sh"
        environment["LANG"] = "C.UTF-8"
        environment.removeValue(forKey: "TMUX")
        return try Self.spawn(tmux, ["-u", "-S", socketPath, "-f", "/dev/null"] + arguments, environment: environment,
                              errorFile: directory.appendingPathComponent("stderr").path)
    }

    /// Runs a program and collects its output. Not Foundation's `Process`: on Linux it waits for
    /// the end of a socket every child inherits, and the tmux server (a daemon forked from the
    /// first client) keeps that socket open for ever, so `waitUntilExit` never returns. Here the
    /// child gets only /dev/null, a pipe and an error file, and every other descriptor is closed.
    private static func spawn(_ path: String, _ arguments: [String], environment: [String: String],
                              errorFile: String) throws -> RunResult {
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { throw TmuxError(description: "pipe() failed: \(errno)") }
        let (readEnd, writeEnd) = (descriptors[0], descriptors[1])
        defer { close(readEnd) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        posix_spawn_file_actions_addopen(&actions, 2, errorFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        closeInheritedDescriptors(&actions)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        close(writeEnd)
        guard spawned == 0 else { throw TmuxError(description: "cannot run \(path): error \(spawned)") }

        var output = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
            if count > 0 { output += buffer[0..<count]; continue }
            if count < 0 && errno == EINTR { continue }
            break
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let errorText = (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? ""
        return RunResult(status: exitStatus, output: String(decoding: output, as: UTF8.self), error: errorText)
    }

    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32

    /// Closes every descriptor above 2 in the child: glibc's `posix_spawn_file_actions_addclosefrom_np`
    /// (not visible to Swift, so looked up at run time), else one close per open descriptor.
    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") {
            let closeFrom = unsafeBitCast(symbol, to: CloseFrom.self)
            if closeFrom(&actions, 3) == 0 { return }
        }
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for descriptor in open.compactMap({ Int32($0) }) where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
    }

    /// Single-quotes a word for /bin/sh.
    public static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// A screen dump in a box, so trailing blanks and the edges show in a failure message.
    public static func frame(_ screen: String, width: Int) -> String {
        let rule = "+" + String(repeating: "-", count: width) + "+"
        return ([rule] + screen.split(separator: "\n", omittingEmptySubsequences: false).map { "|" + $0 }
                + [rule]).joined(separator: "\n")
    }
}
