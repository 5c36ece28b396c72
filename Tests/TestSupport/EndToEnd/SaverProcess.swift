import Foundation
import XCTest

/// An `esafety bench crash-child` saving in a loop, its acknowledgements going to a file of
/// its own (two processes appending to one file could interleave their lines).
public final class SaverProcess {
    public let process = Process()
    public let acks: URL
    private let errors = Pipe()
    /// How many "ready" lines the file held before this saver started.
    private let readyBefore: Int

    deinit {
        // A test that failed part-way must not leave a saver running for ever.
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
    }

    public init(binary: URL, store: URL, acks: URL, count: Int = 0) throws {
        self.acks = acks
        if !FileManager.default.fileExists(atPath: acks.path) {
            XCTAssertTrue(FileManager.default.createFile(atPath: acks.path, contents: nil))
        }
        readyBefore = Self.readyLines(in: acks)
        let output = try FileHandle(forWritingTo: acks)
        output.seekToEndOfFile()
        process.executableURL = binary
        process.arguments = ["bench", "crash-child", "--store", store.path, "--count", String(count)]
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        try output.close()
    }

    /// Waits until the saver has opened the store, signed in and printed "ready" (an event, not
    /// a sleep: the machines are small and loaded).
    public func waitUntilReady(timeout: TimeInterval = 60) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if Self.readyLines(in: acks) > readyBefore { return }
            if !process.isRunning { throw SaverFailure("the saver ended before it was ready: \(errorText())") }
            usleep(2_000)
        }
        throw SaverFailure("the saver was not ready within \(Int(timeout)) s")
    }

    /// Kills it with SIGKILL; true if it was still running (so the kill landed mid-run).
    @discardableResult
    public func kill() -> Bool {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
    }

    private static func readyLines(in file: URL) -> Int {
        ((try? String(contentsOf: file, encoding: .utf8)) ?? "").split(separator: "\n").filter { $0 == "ready" }.count
    }

    public func errorText() -> String { String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self) }

    /// The acknowledged lines so far ("sig …" and "inc …").
    public func acknowledged() throws -> [String] {
        try String(contentsOf: acks, encoding: .utf8).split(separator: "\n").map(String.init)
            .filter { $0.hasPrefix("sig ") || $0.hasPrefix("inc ") }
    }
}

public struct SaverFailure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
