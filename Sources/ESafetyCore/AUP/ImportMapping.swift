/// Which CSV column holds which roster field. Guessed from the header (as common MIS exports
/// name them), or given as `name=Full Name,class=Reg Group` (`--mapping` on the command line).
public struct ImportMapping: Sendable, Hashable {
    /// The roster fields an import can fill.
    public enum Field: String, CaseIterable, Sendable {
        case name, forename, surname, group, className = "class", dateOfBirth = "dob", misID = "id", upn, note, visitFrom = "from", visitUntil = "until", children

        /// Header names that mean this field, lower-case.
        var headerNames: [String] {
            switch self {
            case .name: return ["name", "full name", "fullname", "legal name", "pupil name"]
            case .forename: return ["forename", "first name", "firstname", "legal forename", "given name"]
            case .surname: return ["surname", "last name", "lastname", "legal surname", "family name"]
            case .group: return ["group", "type", "role", "person type"]
            case .className: return ["class", "reg group", "registration group", "form", "reg"]
            case .dateOfBirth: return ["dob", "date of birth", "birth date"]
            case .misID: return ["id", "mis id", "admission number", "adno"]
            case .upn: return ["upn", "unique pupil number"]
            case .note: return ["note", "notes", "reason"]
            case .visitFrom: return ["from", "visit from", "start date"]
            case .visitUntil: return ["until", "end date", "visit until", "access until"]
            case .children: return ["children", "child", "child names"]
            }
        }
    }

    /// Field to column header, as written in the file.
    public var columns: [Field: String]

    public init(columns: [Field: String]) { self.columns = columns }

    /// The mapping a header suggests.
    public static func guess(header: [String]) -> ImportMapping {
        var columns: [Field: String] = [:]
        for field in Field.allCases {
            if let column = header.first(where: { field.headerNames.contains($0.trimmingCharacters(in: .whitespaces).lowercased()) }) {
                columns[field] = column
            }
        }
        return ImportMapping(columns: columns)
    }

    /// Reads `name=Full Name,class=Reg Group`, on top of the guess from the header.
    public static func parse(_ text: String, header: [String]) throws -> ImportMapping {
        var mapping = guess(header: header)
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let field = Field(rawValue: parts[0].lowercased()) else {
                throw PeopleImportError.badMapping("“\(pair)” is not field=column; fields are " + Field.allCases.map(\.rawValue).joined(separator: ", "))
            }
            guard let column = header.first(where: { $0.trimmingCharacters(in: .whitespaces).lowercased() == parts[1].lowercased() }) else {
                throw PeopleImportError.badMapping("the file has no column “\(parts[1])”; its columns are " + header.joined(separator: ", "))
            }
            mapping.columns[field] = column
        }
        return mapping
    }

    /// "name ← Full Name, class ← Reg Group", for the preview.
    public var summary: String {
        Field.allCases.compactMap { field in columns[field].map { "\(field.rawValue) ← \($0)" } }.joined(separator: ", ")
    }
}
