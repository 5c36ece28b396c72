/// Someone the school's e-safety policy names: a member of staff, a governor, an adviser or a
/// service. People hold roles; the flowchart and reports take their contact details from here.
public struct Person: Codable, Sendable, Hashable, Identifiable {
    /// A stable id such as `P0007`; never reused.
    public var id: String
    /// The full name, as it should appear in records (not initials).
    public var fullName: String
    /// A job title or short description, e.g. "Year 4 teacher" or "Technical support company".
    public var title: String
    public var phone: String
    public var email: String
    public var notes: String

    public init(id: String, fullName: String, title: String = "", phone: String = "", email: String = "", notes: String = "") {
        self.id = id; self.fullName = fullName; self.title = title
        self.phone = phone; self.email = email; self.notes = notes
    }

    /// Phone and email joined for one line of a contact list, or "no contact details".
    public var contactLine: String {
        let parts = [phone, email].filter { !$0.isEmpty }
        return parts.isEmpty ? "no contact details" : parts.joined(separator: "  ")
    }
}
