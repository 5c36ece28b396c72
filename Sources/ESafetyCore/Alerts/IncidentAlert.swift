import Foundation

extension Workspace {
    /// The e-mail alert settings (the defaults, switched off, if none are saved).
    public func alertSettings() throws -> AlertSettings {
        try store.load(AlertSettings.self, from: AlertSettings.document) ?? AlertSettings()
    }

    /// Saves the e-mail alert settings: administrators only; one document, one audit entry.
    public func updateAlertSettings(_ settings: AlertSettings) throws {
        try require(.editSettings)
        let problems = settings.problems
        guard problems.isEmpty else { throw ReportOutputError(description: problems.joined(separator: " ")) }
        try store.save(settings, to: AlertSettings.document, actor: actor, action: "alert.settings", recordID: nil,
                       summary: settings.enabled ? "Set e-mail alerts to \(settings.addresses.count) address(es) by \(settings.transport.rawValue)" : "Switched e-mail alerts off")
    }

    /// The alert's words: the reference and the time, nothing of what happened or who.
    public func alertMessage(for record: IncidentRecord, settings: AlertSettings) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let time = calendar.dateComponents([.hour, .minute], from: record.recordedAt)
        let clock = String(format: "%02d:%02d", time.hour ?? 0, time.minute ?? 0)
        let date = DateFormatter()
        date.locale = Locale(identifier: "en_US_POSIX")
        date.timeZone = timeZone
        date.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return """
        From: \(settings.from)
        To: \(settings.addresses.joined(separator: ", "))
        Subject: New e-safety incident \(record.id)
        Date: \(date.string(from: now()))
        Message-ID: <esafety-\(record.id)-\(Int(now().timeIntervalSince1970))@\(settings.from.split(separator: "@").last ?? "localhost")>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        A new e-safety incident (\(record.id)) was recorded at \(clock). Sign in to esafety to read it.
        """
    }

    /// Sends the e-mail alert for an incident just recorded, if alerts are on. Called after the
    /// save, so it never blocks it; a failure is recorded in the audit log ("alert.failed") for
    /// the dashboards and returned, never thrown.
    /// - Returns: nil when sent (or alerts are off), else what went wrong.
    @discardableResult
    public func sendNewIncidentAlert(for record: IncidentRecord) -> String? {
        let settings: AlertSettings
        do { settings = try alertSettings() } catch { return failed(record, "the alert settings cannot be read: \(error)") }
        guard settings.enabled else { return nil }
        guard settings.problems.isEmpty else { return failed(record, settings.problems.joined(separator: " ")) }
        let message = alertMessage(for: record, settings: settings)
        do {
            switch settings.transport {
            case .smtp:
                try SMTPClient(host: settings.smtpHost, port: settings.smtpPort).send(from: settings.from, to: settings.addresses, message: message)
            case .sendmail:
                try Self.sendmail(settings, message: message)
            }
            return nil
        } catch {
            return failed(record, String(describing: error))
        }
    }

    private func failed(_ record: IncidentRecord, _ problem: String) -> String {
        try? attention.recordFailedAlert(incidentID: record.id, problem: problem)
        return problem
    }

    /// `sendmail -i -f FROM -- ADDRESS…` with the message on standard input, given 20 seconds.
    static func sendmail(_ settings: AlertSettings, message: String) throws {
        guard FileManager.default.isExecutableFile(atPath: settings.sendmailPath) else {
            throw SMTPClient.Failure(description: "\(settings.sendmailPath) is not installed")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: settings.sendmailPath)
        process.arguments = ["-i", "-f", settings.from, "--"] + settings.addresses
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(message.utf8))
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            throw SMTPClient.Failure(description: "sendmail did not finish in 20 seconds")
        }
        guard process.terminationStatus == 0 else { throw SMTPClient.Failure(description: "sendmail failed with status \(process.terminationStatus)") }
    }
}
