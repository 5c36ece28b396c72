import Foundation

/// Where a printed report goes from the app: a file the lead names (created readable by its
/// owner only, written whole or not at all), or a printer through CUPS's `lp`.
public enum ReportDestination: Sendable, Hashable {
    case file(path: String)
    /// `lp`, to the named printer or (empty) the default one.
    case printer(name: String)
}

/// A print or export that could not be done, worded for the person at the terminal.
public struct ReportOutputError: Error, CustomStringConvertible, Equatable {
    public var description: String
    public init(description: String) { self.description = description }
}

/// Writes reports out. Nothing here is audited: ``Workspace/printIncident(_:format:to:)`` is
/// the one way the app prints, and it audits every print.
enum ReportOutput {
    /// Where CUPS's `lp` is, if it is installed.
    static var lpPath: String? {
        ["/usr/bin/lp", "/usr/local/bin/lp", "/bin/lp"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Writes `text` to `path`, created owner-only (0600): beside its final name first, then
    /// renamed, so a full disk never leaves half a report nor removes a file that was there.
    /// Refuses a folder, a device or a pipe of that name.
    static func write(_ text: String, to path: String) throws {
        let path = (path as NSString).expandingTildeInPath
        guard !path.isEmpty else { throw ReportOutputError(description: "Name the file to write the report to.") }
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG, (info.st_mode & S_IFMT) != S_IFLNK {
            throw ReportOutputError(description: "\(path) is not a plain file: choose another name.")
        }
        let url = URL(fileURLWithPath: path)
        let partial = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())").path
        let fd = open(partial, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw ReportOutputError(description: "Cannot write \(path): \(String(cString: strerror(errno))). Check that the folder exists and you may write there.")
        }
        var failure: String?
        if fchmod(fd, 0o600) != 0 { failure = String(cString: strerror(errno)) }
        let bytes = Array(text.utf8)
        var written = 0
        while failure == nil && written < bytes.count {
            let n = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 { if errno != EINTR { failure = String(cString: strerror(errno)) } } else { written += n }
        }
        if failure == nil && fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        close(fd)
        if failure == nil && rename(partial, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(partial)
            throw ReportOutputError(description: "Cannot write \(path): \(failure).")
        }
    }

    /// Sends `text` to a printer with `lp` (from a temporary owner-only file, removed after).
    static func print(_ text: String, printer: String, title: String) throws {
        guard let lp = lpPath else { throw ReportOutputError(description: "No printing system (CUPS's lp) is installed here: write the report to a file instead.") }
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("esafety-print-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).txt").path
        try write(text, to: temporary)
        defer { unlink(temporary) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: lp)
        process.arguments = (printer.isEmpty ? [] : ["-d", printer]) + ["-t", title, "--", temporary]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw ReportOutputError(description: "lp could not be started: \(error.localizedDescription)") }
        process.waitUntilExit()
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0 else {
            throw ReportOutputError(description: "lp refused the report (status \(process.terminationStatus))" + (said.isEmpty ? "." : ": \(said)"))
        }
    }
}

extension Workspace {
    /// True when reports can go to a printer from here (CUPS's `lp` is installed).
    public var canPrint: Bool { ReportOutput.lpPath != nil }

    /// Prints an incident's report, the filled-in form, to a file or a printer, and records
    /// the print in the audit log ("incident.report"). A lead's sign-in is needed; a read-only
    /// store refuses before anything is written, since the print could not be recorded.
    /// - Returns: the text written.
    @discardableResult
    public func printIncident(_ id: String, format: IncidentReportText.Format, to destination: ReportDestination) throws -> String {
        try require(.exportIncidents)
        guard store.access == .readWrite else {
            throw ReportOutputError(description: "This esafety is open read-only, so a print could not be recorded in the audit log: print from a read-write session.")
        }
        let log = try incidents()
        guard let record = try log.loadRecord(id) else {
            throw log.allIDs.contains(id) ? AccessError.restrictedIncident(id) : IncidentError.unknownIncident(id)
        }
        var report = IncidentReportText(record: record, form: log.form, profile: profile, contactOfficer: esafetyContact)
        report.timeZone = timeZone
        let where_: String
        switch destination {
        case .file(let path):
            let text = report.render(format)
            try ReportOutput.write(text, to: path)
            where_ = "to the file \((path as NSString).expandingTildeInPath)"
            do {
                try store.recordEvent(actor: actor, action: "incident.report", recordID: id,
                                      summary: "Printed the report of incident \(id) as \(format.rawValue) \(where_)")
            } catch {
                unlink((path as NSString).expandingTildeInPath)  // no unrecorded copy is left behind
                throw error
            }
            return text
        case .printer(let name):
            // A printer cannot take a copy back: the print is recorded first.
            let text = report.render(format == .html ? .text : format)
            where_ = name.isEmpty ? "to the default printer" : "to the printer \(name)"
            try store.recordEvent(actor: actor, action: "incident.report", recordID: id,
                                  summary: "Sent the report of incident \(id) \(where_) with lp")
            try ReportOutput.print(text, printer: name, title: "E-safety incident \(id)")
            return text
        }
    }
}
