import CivilTime
import Foundation

/// An image or video of pupils that the school has published or put up, kept on the register
/// while it is in use, so a withdrawal of consent can be followed up (St Paul's: keep consent
/// "until the image is no longer in use").
public struct ImageInUse: Codable, Hashable, Sendable, Identifiable {
    /// `image-0007`.
    public var id: String
    /// Where it is and what it shows: "Sports day photo, website news page".
    public var description: String
    public var use: ConsentUse
    public var pupilIDs: [String]
    public var publishedOn: CivilDate
    /// When it was taken down, if it has been.
    public var removedOn: CivilDate?
    public var removedBy: AuditActor?
    public var recordedBy: AuditActor

    public var isInUse: Bool { removedOn == nil }
}

/// An image still in use that shows a pupil whose consent for that use has gone: the review item
/// the lead must act on (take the image down, or record new consent).
public struct ImageReviewItem: Sendable, Equatable {
    public var image: ImageInUse
    /// The pupils in it who may no longer be shown in it, with their state for its use.
    public var pupils: [(id: String, name: String, state: PupilConsent.State)]

    public static func == (a: ImageReviewItem, b: ImageReviewItem) -> Bool {
        a.image == b.image && a.pupils.map(\.id) == b.pupils.map(\.id)
    }

    /// "image-0007 Sports day photo (School website, since 2026-09-01): Zoë Ōkubo (withdrawn 12/11/2026 by …)".
    public var summary: String {
        let names = pupils.map { pupil -> String in
            if case .withdrawn(let event) = pupil.state { return "\(pupil.name) (withdrawn \(event.on) by \(event.by))" }
            return "\(pupil.name) (\(pupil.state.word))"
        }
        return "\(image.id) \(image.description) (\(image.use.title), since \(image.publishedOn)): " + names.joined(separator: ", ")
    }
}
