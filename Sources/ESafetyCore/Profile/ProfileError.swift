/// A change to the school profile that was refused.
public enum ProfileError: Error, Equatable, CustomStringConvertible {
    case unknownContact(String)

    public var description: String {
        switch self {
        case .unknownContact(let id): return "There is no external contact with id \(id) in the school profile."
        }
    }
}
