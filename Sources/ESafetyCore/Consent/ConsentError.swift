import CivilTime

/// A change to the consent register that the rules refuse, in words for the person at the terminal.
public enum ConsentError: Error, Equatable, CustomStringConvertible {
    case notAPupil(String)
    case noGiver
    case noFormVersion
    case inTheFuture(CivilDate)
    case nothingToWithdraw(String)
    case unknownImage(String)
    case alreadyRemoved(String)
    case noDescription
    case noPupils
    case unknownClass(String)
    case notLoaded(String)

    public var description: String {
        switch self {
        case .notAPupil(let id): return "There is no pupil with the id \(id) on the roster."
        case .noGiver: return "Say who gave or withdrew consent: the parent's or carer's name."
        case .noFormVersion: return "Say which version of the consent form was signed."
        case .inTheFuture(let date): return "\(date) is in the future: consent cannot be dated after today."
        case .nothingToWithdraw(let name): return "\(name) has no consent to withdraw for those uses."
        case .unknownImage(let id): return "There is no image \(id) in the register of images in use."
        case .alreadyRemoved(let id): return "Image \(id) is already recorded as no longer in use."
        case .noDescription: return "Describe the image so it can be found (where it is and what it shows)."
        case .noPupils: return "Name at least one pupil who is in the image."
        case .unknownClass(let name): return "There is no class \(name) in the class list."
        case .notLoaded(let problem): return "The consent register cannot be read, so nothing was changed: \(problem)"
        }
    }
}
