import CivilTime
import XCTest
@testable import ESafetyCore

/// The school year starts on 1 September: boundaries, leap years, and what "signed this year" means.
final class SchoolYearTests: XCTestCase {
    private func date(_ y: Int, _ m: Int, _ d: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }

    func testThirtyFirstAugustAndFirstSeptemberFallInDifferentYears() {
        XCTAssertEqual(SchoolYear(containing: date(2027, 8, 31)).description, "2026-27")
        XCTAssertEqual(SchoolYear(containing: date(2027, 9, 1)).description, "2027-28")
        XCTAssertEqual(SchoolYear(containing: date(2027, 1, 1)).startYear, 2026)
        XCTAssertEqual(SchoolYear(containing: date(2026, 12, 31)).startYear, 2026)
        XCTAssertEqual(SchoolYear(startYear: 2099).description, "2099-00")
    }

    func testLeapYearsAreInsideTheYearTheyBelongTo() {
        let year = SchoolYear(containing: date(2028, 2, 29))
        XCTAssertEqual(year.description, "2027-28")
        XCTAssertEqual(year.start, date(2027, 9, 1))
        XCTAssertEqual(year.end, date(2028, 8, 31))
        XCTAssertTrue(year.contains(date(2028, 2, 29)))
        XCTAssertEqual(SchoolYear("2027-28"), year)
        XCTAssertNil(SchoolYear("2027-29"))
    }

    func testASignatureCountsFromFirstSeptemberToThirtyFirstAugustOnly() {
        let actor = AuditActor(id: "t", name: "T")
        let signature = AUPSignature(personID: "pupil-0001", kind: .pupil, versionID: "v1", signedOn: date(2027, 9, 1),
                                     recordedAt: Date(), method: .classList, witness: actor)
        XCTAssertTrue(signature.counts(currentVersionID: "v1", today: date(2027, 9, 1)))
        XCTAssertTrue(signature.counts(currentVersionID: "v1", today: date(2028, 8, 31)))
        XCTAssertFalse(signature.counts(currentVersionID: "v1", today: date(2028, 9, 1)), "a new school year: due again")
        XCTAssertFalse(signature.counts(currentVersionID: "v2", today: date(2027, 10, 1)), "a newer version: due again")
        var lastDay = signature
        lastDay.signedOn = date(2027, 8, 31)
        XCTAssertFalse(lastDay.counts(currentVersionID: "v1", today: date(2027, 9, 1)), "signed on 31 August counts for the year before")
        var guest = signature
        guest.lapsesAfter = date(2027, 9, 5)
        XCTAssertTrue(guest.counts(currentVersionID: "v1", today: date(2027, 9, 5)))
        XCTAssertFalse(guest.counts(currentVersionID: "v1", today: date(2027, 9, 6)), "a guest's signature lapses after the end date")
    }

    func testVersionsAreIdentifiedByContentHashAndDate() {
        let one = AUPVersion(kind: .pupil, text: "Be kind.\r\nTell a grown-up.  \r\n", publishedOn: date(2026, 9, 1))
        let same = AUPVersion(kind: .pupil, text: "Be kind.\nTell a grown-up.\n\n", publishedOn: date(2026, 9, 1))
        let changed = AUPVersion(kind: .pupil, text: "Be kind.\nTell a grown-up at once.\n", publishedOn: date(2026, 9, 1))
        XCTAssertEqual(one.contentHash, same.contentHash, "line endings and trailing spaces do not make a new version")
        XCTAssertNotEqual(one.contentHash, changed.contentHash)
        XCTAssertEqual(one.contentHash.count, 16)
        XCTAssertEqual(one.id, "pupil-2026-09-01-" + one.contentHash.prefix(8))
        XCTAssertEqual(AUPVersion.contentHash(of: ""), "cbf29ce484222325", "FNV-1a offset basis for empty input")
    }
}
