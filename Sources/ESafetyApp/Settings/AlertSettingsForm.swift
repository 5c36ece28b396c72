import ESafetyCore
import TerminalUI

/// Settings › E-mail alerts: the addresses and the mail transport for the alert each new
/// incident sends (no details in it). Administrators only: anyone else is told so, and sees
/// no form to type into.
@MainActor
enum AlertSettingsForm {
    static func screen(context: AppContext) -> any Screen {
        let workspace = context.workspace
        let access = EditAccess(.editSettings, what: "the e-mail alerts", context: context)
        if let notice = access.notice { return NoticeScreen(title: "E-mail alerts", text: notice) }
        let current: AlertSettings
        do { current = try workspace.alertSettings() } catch {
            return NoticeScreen(title: "E-mail alerts", text: "The alert settings cannot be read: \(error)")
        }
        let enabled = ChoiceField(options: [(label: "Off", value: false), (label: "On", value: true)], selection: current.enabled)
        let addresses = TextField(text: current.addresses.joined(separator: ", "), maxLength: 1000, placeholder: "lead@school.example, head@school.example")
        let transport = ChoiceField(options: [(label: "sendmail", value: AlertSettings.Transport.sendmail), (label: "SMTP relay", value: .smtp)],
                                    selection: current.transport)
        let sendmail = TextField(text: current.sendmailPath, maxLength: 200)
        let host = TextField(text: current.smtpHost, maxLength: 200)
        let port = TextField(text: String(current.smtpPort), maxLength: 5)
        let from = TextField(text: current.from, maxLength: 200)
        let form = Form(fields: [
            Form.Field(label: "Alerts", widget: enabled, help: "Each new incident sends \"A new e-safety incident (ID) was recorded at HH:MM. Sign in to esafety to read it.\""),
            Form.Field(label: "Send to", widget: addresses, help: "Addresses, separated by commas"),
            Form.Field(label: "Transport", widget: transport),
            Form.Field(label: "sendmail", widget: sendmail, help: "The system's sendmail program (Postfix, Exim, msmtp…)"),
            Form.Field(label: "Relay host", widget: host),
            Form.Field(label: "Relay port", widget: port, help: "Plain SMTP, no passphrase: a relay on the school's network"),
            Form.Field(label: "From", widget: from),
        ])
        return FormScreen(title: "E-mail alerts", helpText: context.help("alert-settings"), form: form) { [workspace] in
            var settings = AlertSettings()
            settings.enabled = enabled.selection ?? false
            settings.addresses = addresses.text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            settings.transport = transport.selection ?? .sendmail
            settings.sendmailPath = sendmail.text.trimmingCharacters(in: .whitespaces)
            settings.smtpHost = host.text.trimmingCharacters(in: .whitespaces)
            guard let number = Int(port.text.trimmingCharacters(in: .whitespaces)) else {
                throw ReportOutputError(description: "The relay's port must be a number, such as 25.")
            }
            settings.smtpPort = number
            settings.from = from.text.trimmingCharacters(in: .whitespaces)
            try workspace.updateAlertSettings(settings)
            return .message(settings.enabled ? "E-mail alerts are on." : "E-mail alerts are off.", .success)
        }
    }
}
