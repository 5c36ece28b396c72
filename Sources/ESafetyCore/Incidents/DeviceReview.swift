import CivilTime

/// The "record of reviewing devices / internet sites" that SWGfL's template attaches to an
/// incident: two reviewers, the device used for the review, each site or device looked at with
/// the reason for concern, and the conclusion and action.
public struct DeviceReview: Codable, Sendable, Hashable {
    /// One site or device reviewed.
    public struct Item: Codable, Sendable, Hashable {
        public var siteOrDevice: String
        public var reasonForConcern: String
        public init(siteOrDevice: String, reasonForConcern: String) {
            self.siteOrDevice = siteOrDevice; self.reasonForConcern = reasonForConcern
        }
    }

    public var reviewedOn: CivilDate
    public var firstReviewer: String
    public var secondReviewer: String
    public var deviceUsed: String
    public var items: [Item]
    public var conclusion: String
    public var action: String

    public init(reviewedOn: CivilDate, firstReviewer: String, secondReviewer: String, deviceUsed: String,
                items: [Item], conclusion: String, action: String) {
        self.reviewedOn = reviewedOn; self.firstReviewer = firstReviewer; self.secondReviewer = secondReviewer
        self.deviceUsed = deviceUsed; self.items = items; self.conclusion = conclusion; self.action = action
    }
}
