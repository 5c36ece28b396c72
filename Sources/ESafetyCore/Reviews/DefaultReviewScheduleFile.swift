/// `Resources/defaults/review-schedule.json`: the default review items without due dates (they
/// follow from the day the store is made) and the policy documents' headers.
struct DefaultReviewScheduleFile: Decodable {
    /// One review item as the file gives it; `isOptional` and `optionalReason` may be left out.
    struct Item: Decodable {
        var id: String
        var title: String
        var detail: String
        var source: String
        var ownerRoleID: String
        var cadence: ReviewCadence
        var isOptional: Bool?
        var optionalReason: String?
    }

    var items: [Item]
    var documents: [PolicyDocument]
}
