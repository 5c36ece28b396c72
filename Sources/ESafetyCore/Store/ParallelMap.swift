import Foundation

/// Work on every element of a large collection spread over the machine's cores, results in
/// order: for the whole-store reads (`check`, the audit log, exports), where each element
/// (a line, a file, a sealed record) is independent of the others.
enum ParallelMap {
    /// Below this many elements the work is done on the calling thread alone.
    static let threshold = 64

    /// `transform` of each element, in order.
    static func map<Element, Result>(_ elements: [Element], _ transform: @Sendable (Element) -> Result) -> [Result] {
        map(elements, context: { () }, { _, element in transform(element) })
    }

    /// `transform` of each element, in order, with a `context` made once per share of the work
    /// (a decoder, say, which is not to be shared between threads).
    static func map<Element, Context, Result>(_ elements: [Element], context makeContext: @Sendable () -> Context,
                                              _ transform: @Sendable (inout Context, Element) -> Result) -> [Result] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard elements.count >= threshold, cores > 1 else {
            var context = makeContext()
            return elements.map { transform(&context, $0) }
        }
        let shares = min(elements.count, cores * 4)
        var results = [Result?](repeating: nil, count: elements.count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            elements.withUnsafeBufferPointer { input in
                nonisolated(unsafe) let input = input
                DispatchQueue.concurrentPerform(iterations: shares) { share in
                    var context = makeContext()
                    for index in (share * input.count / shares)..<((share + 1) * input.count / shares) {
                        output[index] = transform(&context, input[index])
                    }
                }
            }
        }
        return results.map { $0! }
    }
}
