/// A change to the role directory that was refused, with a message for the person at the terminal.
public enum DirectoryError: Error, Equatable, CustomStringConvertible {
    case emptyName
    case unknownPerson(String)
    case unknownRole(String)
    case duplicateRole(String)
    case protectedRole(String)
    case alreadyHolds(person: String, role: String)
    case hasAccount(String)

    public var description: String {
        switch self {
        case .emptyName: return "A name is required."
        case .hasAccount(let name): return "\(name) has an account: remove it first (Settings › Users), then remove them from the directory."
        case .unknownPerson(let id): return "There is no person with id \(id) in the directory."
        case .unknownRole(let id): return "There is no role with id \(id) in the directory."
        case .duplicateRole(let name): return "A role called \(name) already exists."
        case .protectedRole(let name):
            return "\(name) cannot be removed: the response flowchart and the reporting lines rely on it. Remove its holders instead."
        case .alreadyHolds(let person, let role): return "\(person) already holds the role \(role)."
        }
    }
}
