/// A class (form) of pupils and the year group it belongs to. Year group 0 is Reception.
public struct SchoolClass: Codable, Sendable, Hashable, Identifiable {
    /// The class's name as the school's MIS writes it, e.g. "4B"; also its id.
    public var name: String
    /// 0 for Reception, 1 to 6 for Years 1 to 6 (and so on for other schools).
    public var yearGroup: Int

    public var id: String { name }

    public init(name: String, yearGroup: Int) {
        self.name = name
        self.yearGroup = yearGroup
    }

    /// "Reception" or "Year 4".
    public static func yearGroupName(_ yearGroup: Int) -> String {
        yearGroup == 0 ? "Reception" : "Year \(yearGroup)"
    }
}
