/// A policy document's own header, as at the top of Offord Primary's policy: who wrote and
/// approved it, how often it is reviewed, and when it was and will next be. Dates are kept as the
/// school writes them ("Autumn 2018", "LGB Autumn 2019").
public struct PolicyDocument: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var writtenBy: String
    public var approvedBy: String
    public var reviewCycle: String
    public var lastReview: String
    public var nextReview: String

    public init(id: String, title: String, writtenBy: String, approvedBy: String, reviewCycle: String,
                lastReview: String, nextReview: String) {
        self.id = id; self.title = title; self.writtenBy = writtenBy; self.approvedBy = approvedBy
        self.reviewCycle = reviewCycle; self.lastReview = lastReview; self.nextReview = nextReview
    }
}
