import Foundation
import XCTest

/// What a finished command printed and how it ended.
public struct CommandResult {
    public var status: Int32
    public var standardOutput: String
    public var standardError: String
    /// Seconds from start to exit.
    public var seconds: Double
}

/// Runs the built `esafety` with no terminal: standard input from /dev/null, output captured.
/// Fails the test (rather than hanging) if it runs longer than `timeout`.
public func runEsafety(_ arguments: [String], binary: URL? = nil, environment: [String: String] = [:], timeout: TimeInterval = 30,
                file: StaticString = #filePath, line: UInt = #line) throws -> CommandResult {
    let process = Process()
    process.executableURL = try binary ?? esafetyBinary()
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["TERM"] = env["TERM"] ?? "xterm-256color"
    env["ESAFETY_SCRYPT_COST_LOG2"] = env["ESAFETY_SCRYPT_COST_LOG2"] ?? "10"  // quick sign-ins in tests
    for (key, value) in environment { env[key] = value }
    process.environment = env
    process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let started = Date()
    try process.run()
    // Read both pipes fully before waiting, so a large output cannot block the child.
    let group = DispatchGroup()
    nonisolated(unsafe) var outData = Data(), errData = Data()
    DispatchQueue.global().async(group: group) { outData = out.fileHandleForReading.readDataToEndOfFile() }
    DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
    if group.wait(timeout: .now() + timeout) == .timedOut {
        process.terminate()
        XCTFail("esafety \(arguments.joined(separator: " ")) did not finish within \(timeout) s", file: file, line: line)
    }
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus,
                         standardOutput: String(decoding: outData, as: UTF8.self),
                         standardError: String(decoding: errData, as: UTF8.self),
                         seconds: Date().timeIntervalSince(started))
}
