import Foundation

/// The peak resident memory of this process, for `esafety bench`.
///
/// On Linux this is `VmHWM` from /proc/self/status: the high-water mark of this program's own
/// memory. `getrusage`'s `ru_maxrss` is not used there because a child started by
/// `posix_spawn` (as `Process` does) inherits its parent's figure at `exec`, so every child of a
/// 140 MB bench would report at least 140 MB.
enum PeakMemory {
    /// The environment variable naming a file to write the peak (in kilobytes) to at exit: how
    /// `bench run` measures real commands (`esafety check`, `esafety export …`) unchanged.
    static let reportFileVariable = "ESAFETY_BENCH_PEAK_MEMORY_FILE"

    static func kilobytes() -> Int {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let value = Int(line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "") {
            return value
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #if canImport(Darwin)
        return Int(usage.ru_maxrss) / 1024  // bytes there
        #else
        return Int(usage.ru_maxrss)
        #endif
    }

    /// When `reportFileVariable` is set, writes the peak to that file as the process exits.
    static func reportAtExitIfAsked() {
        guard ProcessInfo.processInfo.environment[reportFileVariable] != nil else { return }
        atexit {
            guard let path = ProcessInfo.processInfo.environment[PeakMemory.reportFileVariable] else { return }
            try? Data("\(PeakMemory.kilobytes())\n".utf8).write(to: URL(fileURLWithPath: path))
        }
    }
}
