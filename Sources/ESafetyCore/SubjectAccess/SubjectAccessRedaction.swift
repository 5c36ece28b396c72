import Foundation

/// Other people's names in what a subject access export shows, replaced by what they are
/// ("another pupil", "a member of staff"), each replacement listed for the lead to review:
/// another person's data is withheld unless they agree or it is reasonable to give it
/// (UK GDPR article 15(4); DPA 2018 schedule 2 paragraph 16).
struct SubjectAccessRedaction {
    /// A name and what it is replaced by, longest names first (so "Amir Jönsson" goes before "Amir").
    private var names: [(name: String, label: String)] = []
    private(set) var withheld: [SubjectAccessWithheld] = []

    static let reason = "another person's personal data (UK GDPR art. 15(4); DPA 2018 sch. 2 para. 16)"

    init(others: [(name: String, label: String)], subjectNames: Set<String>) {
        var seen = Set<String>()
        names = others.filter { other in
            let folded = TextSearch.fold(other.name)
            return other.name.count > 2 && !subjectNames.contains(folded) && seen.insert(folded).inserted
        }.sorted { $0.name.count > $1.name.count }
    }

    /// The label for a named person who is not the subject (and the name kept when it is them).
    mutating func name(_ name: String, label: String, subjectNames: Set<String>, where place: String) -> String {
        guard !name.trimmed.isEmpty, !subjectNames.contains(TextSearch.fold(name)) else { return name }
        withheld.append(SubjectAccessWithheld(place: place, what: "\(name), shown as \"\(label)\"", reason: Self.reason))
        return label
    }

    /// Free text with every other known name replaced.
    mutating func text(_ text: String, where place: String) -> String {
        var result = text
        for (name, label) in names {
            guard result.range(of: name, options: [.caseInsensitive, .diacriticInsensitive]) != nil else { continue }
            result = result.replacingOccurrences(of: name, with: label, options: [.caseInsensitive, .diacriticInsensitive])
            withheld.append(SubjectAccessWithheld(place: place, what: "\(name), shown as \"\(label)\"", reason: Self.reason))
        }
        return result
    }

    mutating func withhold(_ what: String, at place: String, because reason: String) {
        withheld.append(SubjectAccessWithheld(place: place, what: what, reason: reason))
    }
}

/// One thing a subject access export left out or replaced, and why: for the lead to review
/// before the response goes out (never sent with it).
public struct SubjectAccessWithheld: Sendable, Equatable {
    public var place: String
    public var what: String
    public var reason: String

    public var line: String { "\(place): \(what). Why: \(reason)." }
}
