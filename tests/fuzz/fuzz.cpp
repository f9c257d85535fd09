// SPDX-License-Identifier: MIT
// A fuzzer for the whole system: it feeds one xforth process (restarted every
// thousand inputs) with random and mutated Forth source and checks after
// each input that the prompt still answers.
//
// A finding is a process that dies (from a signal, or exits unasked), or that
// stops answering: after an input, a sync line must bring back its marker
// within a time limit; if not, Ctrl-C (SIGINT) is sent, which must bring the
// prompt back too (an endless loop is legal Forth; ignoring Ctrl-C is not).
// A sync line that is read but fails (its words no longer work) is a
// finding too.
//
//   fuzz --xforth ./xforth [--seconds N] [--inputs N] [--seed N]
//        [--corpus DIR] [--findings DIR] [--restart N] [--trace 1] [--jobs N]
//   fuzz --xforth ./xforth --replay FILE [--minimise 1]
// Prints "fuzz: N inputs, M findings" and exits 1 if there were findings.
// A finding file holds every input the process got since it started, which
//   fuzz --xforth ./xforth --replay FILE
// sends again, with the same sync lines and checks (exit status 1 if the
// finding reproduces); with --minimise 1 it then drops every input it can
// while the same finding stays, and saves the rest in FILE.min.
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <fstream>
#include <poll.h>
#include <random>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
    std::string xforth = "./xforth";
    double seconds = 10;
    long inputs = 0;          // 0: until the time is up
    unsigned seed = 0;
    std::string corpus;       // .fs files to mutate
    std::string findings = "/tmp/xforth-fuzz-findings";
    bool trace = false;       // show each input and what xforth answered
    std::string replay;       // a finding file whose inputs to replay
    long restart = 1000;      // inputs per process, so a finding's history stays short
    bool minimise = false;    // with replay: drop the inputs not needed for the finding
    int jobs = 1;             // fuzzers run side by side, seeds seed, seed+1, ...
};

// Words that would end the process or read the fuzzer's own input stream.
const char* const EXCLUDED[] = {"BYE", "(BYE)", "KEY", "ACCEPT", "EKEY", "XKEY", "REFILL", "MS", "KEY?", "EKEY?",
                               "(FUZZ-SYNC)", "(FUZZ-RESET)", "(FUZZ-NEWEST)", "FUZZ-UNDEFINED"};   // the fuzzer's own sync words

class Process {
public:
    pid_t pid = -1;
    int in = -1, out = -1;
    std::string output;
    bool closed = false;   // the process closed its output (it is exiting)

    void start(const std::string& path) {
        int to_child[2], from_child[2];
        if (pipe(to_child) || pipe(from_child)) { perror("pipe"); exit(2); }
        pid = fork();
        if (pid == 0) {
            // Files the fuzzed code writes stay bounded: past the limit a write
            // fails (EFBIG) instead of filling the disk. (The limit also
            // applies to xforth's own 256 MiB code memory, a memfd.)
            rlimit size{300 << 20, 300 << 20};
            setrlimit(RLIMIT_FSIZE, &size);
            signal(SIGXFSZ, SIG_IGN);
            dup2(to_child[0], 0);
            dup2(from_child[1], 1);
            dup2(from_child[1], 2);
            close(to_child[1]);
            close(from_child[0]);
            execl(path.c_str(), path.c_str(), (char*)nullptr);
            _exit(127);
        }
        close(to_child[0]);
        close(from_child[1]);
        in = to_child[1];
        out = from_child[0];
        fcntl(out, F_SETFL, O_NONBLOCK);
        output.clear();
        closed = false;
        // The sync word, bound now: a program may redefine 1+ . BASE DECIMAL
        // later (legal Forth), which must not look like a dead prompt. It
        // keeps nothing in data space (no ." string): a runaway MOVE or ERASE
        // over data space is the program's own doing and may wipe it.
        send(": (fuzz-sync) ( n -- ) base @ >r decimal 1+ 0 u.r r> base ! 64 emit 64 emit ;\n");
        // Words that change the newest definition (IMMEDIATE, COMPILE-ONLY,
        // a DOES> run) then change this one, not the sync word.
        send(": (fuzz-newest) ;\n");
    }
    void stop() {
        if (pid > 0) { kill(pid, SIGKILL); waitpid(pid, nullptr, 0); }
        if (in >= 0) close(in);
        if (out >= 0) close(out);
        pid = -1; in = out = -1;
    }
    bool send(const std::string& text) {
        size_t done = 0;
        while (done < text.size()) {
            ssize_t n = write(in, text.data() + done, text.size() - done);
            if (n < 0) {
                if (errno == EINTR) continue;
                if (errno == EAGAIN) { drain(10); continue; }
                return false;
            }
            done += size_t(n);
            drain(0);
        }
        return true;
    }
    // Reads what is there, waiting up to ms; keeps the tail of the output.
    bool drain(int ms) {
        pollfd p{out, POLLIN, 0};
        if (poll(&p, 1, ms) <= 0) return true;
        char buf[65536];
        for (;;) {
            ssize_t n = read(out, buf, sizeof buf);
            if (n > 0) { output.append(buf, size_t(n)); continue; }
            if (n == 0) return !(closed = true);
            break;
        }
        if (output.size() > (1 << 20)) output.erase(0, output.size() - (1 << 16));
        return true;
    }
    // Waits for the marker; false on time-out or end of output.
    bool await(const std::string& marker, double seconds) {
        auto end = Clock::now() + std::chrono::duration<double>(seconds);
        while (Clock::now() < end) {
            size_t at = output.find(marker);
            if (at != std::string::npos) { output.erase(0, at + marker.size()); return true; }
            if (!drain(20)) return output.find(marker) != std::string::npos;
        }
        return false;
    }
    // How the process ended, or "" if it is still running. One that closed
    // its output is given time to finish dying (writing a core file, say).
    std::string exit_status() {
        int status = 0;
        if (pid <= 0) return "";
        for (int tries = closed ? 1000 : 1; tries > 0; --tries) {
            pid_t r = waitpid(pid, &status, WNOHANG);
            if (r == pid) break;
            if (r < 0 || tries == 1) return "";
            usleep(10000);
        }
        pid = -1;
        if (WIFSIGNALED(status)) return std::string("killed by signal ") + strsignal(WTERMSIG(status));
        return "exited with status " + std::to_string(WEXITSTATUS(status));
    }
};

class Generator {
public:
    Generator(unsigned seed, std::vector<std::string> words, std::vector<std::string> corpus)
        : rng(seed), words(std::move(words)), corpus(std::move(corpus)) {}

    std::string input() {
        switch (pick(10)) {
        case 0: return broken_control();
        case 1: return deep_nesting();
        case 2: return long_line();
        case 3: return binary();
        case 4:
        case 5: return corpus.empty() ? random_line() : mutated();
        default: return random_line();
        }
    }

private:
    std::mt19937_64 rng;
    std::vector<std::string> words, corpus;

    size_t pick(size_t n) { return size_t(rng() % n); }
    std::string word() { return words[pick(words.size())]; }
    std::string number() {
        static const char* const special[] = {"0", "-1", "1", "-9223372036854775808", "9223372036854775807",
                                              "$FFFFFFFFFFFFFFFF", "4096", "-4096", "1.", "1e", "-0e", "'a'"};
        switch (pick(4)) {
        case 0: return special[pick(std::size(special))];
        case 1: return std::to_string(int64_t(rng()));
        default: return std::to_string(int(pick(64)) - 8);
        }
    }
    std::string token() {
        switch (pick(8)) {
        case 0: case 1: return number();
        case 2: return ": f" + std::to_string(pick(20));
        case 3: return pick(2) ? ";" : "f" + std::to_string(pick(20));
        default: return word();
        }
    }
    // Something on the stack first, so that not every line dies of underflow:
    // numbers, and addresses that are valid to read. (No ALLOCATEd address:
    // a wild ERASE from one corrupts the C heap, the documented limit of a
    // Forth's protection, and would be reported as a finding every time.)
    std::string operands() {
        static const char* const valid[] = {"here", "pad", "s\" abc\"", "here 64"};
        std::string s;
        for (size_t i = pick(7); i > 0; --i) s += std::string(pick(2) ? valid[pick(std::size(valid))] : number().c_str()) + " ";
        return s;
    }
    std::string random_line() {
        std::string s = operands();
        size_t n = 1 + pick(12);
        for (size_t i = 0; i < n; ++i) s += token() + " ";
        return s + "\n";
    }
    std::string broken_control() {
        static const char* const cs[] = {"if", "else", "then", "begin", "until", "while", "repeat", "again",
                                         "do", "?do", "loop", "+loop", "leave", "case", "of", "endof",
                                         "endcase", "exit", "recurse", "does>", "[", "]", "ahead", "unloop", "i", "j"};
        std::string s = ": g" + std::to_string(pick(10)) + " ";
        size_t n = 1 + pick(16);
        for (size_t i = 0; i < n; ++i) s += std::string(pick(3) ? cs[pick(std::size(cs))] : token().c_str()) + " ";
        if (pick(2)) s += "; g" + std::to_string(pick(10));
        return s + "\n";
    }
    std::string deep_nesting() {
        size_t depth = 1 + pick(3000);
        const char* open[] = {"if", "begin", "1 0 do", "("};
        const char* close[] = {"then", "until", "loop", ")"};
        size_t k = pick(4);
        std::string s = ": deep 1 ";
        for (size_t i = 0; i < depth; ++i) s += std::string(open[k]) + " dup ";
        for (size_t i = 0; i < depth; ++i) s += std::string(close[k]) + " ";
        return s + "; deep\n";
    }
    std::string long_line() {
        std::string s;
        size_t n = 1000 + pick(20000);
        if (pick(2)) {
            while (s.size() < n) s += token() + " ";
        } else {
            s = std::string(n, "ab1 "[pick(4)]);
        }
        return s + "\n";
    }
    std::string binary() {
        std::string s;
        size_t n = 1 + pick(200);
        for (size_t i = 0; i < n; ++i) {
            char c = char(1 + pick(255));
            s += c == '\n' ? ' ' : c;
        }
        return s + "\n";
    }
    std::string mutated() {
        std::string line = corpus[pick(corpus.size())];
        std::istringstream in(line);
        std::vector<std::string> toks;
        for (std::string t; in >> t;) toks.push_back(t);
        size_t edits = 1 + pick(3);
        for (size_t e = 0; e < edits && !toks.empty(); ++e) {
            size_t at = pick(toks.size());
            switch (pick(4)) {
            case 0: toks.erase(toks.begin() + long(at)); break;
            case 1: toks.insert(toks.begin() + long(at), token()); break;
            case 2: toks.insert(toks.begin() + long(at), toks[at]); break;
            default: std::swap(toks[at], toks[pick(toks.size())]); break;
            }
        }
        std::string s;
        for (auto& t : toks) s += t + " ";
        return s + "\n";
    }
};

std::vector<std::string> read_corpus(const std::string& dir) {
    std::vector<std::string> lines;
    if (dir.empty()) return lines;
    DIR* d = opendir(dir.c_str());
    if (!d) return lines;
    while (dirent* e = readdir(d)) {
        std::string name = e->d_name;
        if (name.size() < 4 || name.substr(name.size() - 3) != ".fs") continue;
        std::ifstream f(dir + "/" + name);
        for (std::string l; std::getline(f, l);)
            if (!l.empty() && l.find("include") == std::string::npos) lines.push_back(l);
    }
    closedir(d);
    return lines;
}

// The inputs sent to one xforth process since it started, for a finding's
// report. The process is restarted often enough that they are nearly always
// complete, so that replaying them reproduces the finding; past the cap the
// oldest are dropped, and the report says so.
class History {
public:
    void clear() { inputs.clear(); bytes = 0; dropped = 0; }
    void add(const std::string& input) {
        inputs.push_back(input);
        bytes += input.size();
        while (bytes > CAP && inputs.size() > 1) {
            bytes -= inputs.front().size();
            inputs.erase(inputs.begin());
            ++dropped;
        }
    }
    void write(std::ostream& f) const {
        if (dropped) f << "\\ (the first " << dropped << " inputs since start were dropped: over " << (CAP >> 20) << " MiB)\n";
        f << HEADER << "\n";
        for (auto& i : inputs) f << i;
    }
    static constexpr const char* HEADER = "\\ every input since start:";

private:
    static constexpr size_t CAP = size_t(64) << 20;
    std::vector<std::string> inputs;
    size_t bytes = 0;
    long dropped = 0;
};

const char* const SEARCH_ORDER_GONE = "the input left no wordlist with the sync word in the search order";

// Sends one input and checks that the prompt answers after it. Returns ""
// if it does, else what went wrong (the finding).
std::string try_input(Process& p, const std::string& input, long count, bool trace) {
    // Close whatever the input may have left open, then ask for the marker.
    // It is computed, not quoted: an error message quotes the line it is
    // in, and must not pass for an answer.
    // A `(` comment left open swallows lines up to a `)`: the first line
    // closes it. The second closes a LOCALS| or {: declaration, or [IF]s
    // skipping lines. Each begins with an undefined word: when nothing is
    // open it is an error that drops the rest of the line, so `)`, `|` and
    // the rest never run as words, which a program may have defined (an
    // endless `: | ... ;` ran at every sync). The third line is an undefined
    // word on purpose: the error puts xforth back in interpretation state
    // with empty stacks, as `[` would, but a program may redefine `[`
    // (SYNONYM [ D.R is legal) and cannot redefine an error.
    std::string marker = std::to_string(count + 1) + "@@";
    std::string sync = "fuzz-undefined )\nfuzz-undefined | :} [then] [then] [then] [then] [then] [then] [then] [then]\n"
                       "(fuzz-reset)\n#" + std::to_string(count) + " (fuzz-sync)\n";
    bool sent = p.send(input) && p.send(sync);
    if (trace) {
        p.drain(200);
        fprintf(stderr, ">>> %s<<< %s\n", input.substr(0, 300).c_str(), p.output.substr(0, 600).c_str());
    }
    if (sent && p.await(marker, 3)) return "";
    std::string status = p.exit_status();
    if (!status.empty() || !sent) return status.empty() ? "stopped reading its input" : status;
    // The sync line was read and answered, but wrongly.
    auto sync_failed = [&]() -> std::string {
        if (p.output.find("(fuzz-sync)") == std::string::npos) return "";
        // Standard words can empty the search order (ONLY, then executing a
        // VOCABULARY, or SET-ORDER): then `[` itself is not found. That is
        // the program's doing, not a fault; the caller starts afresh.
        if (p.output.find("undefined word\n    #" + std::to_string(count) + " (fuzz-sync)") != std::string::npos)
            return SEARCH_ORDER_GONE;
        return "answers, but the sync line fails (a broken dictionary?)";
    };
    if (std::string failed = sync_failed(); !failed.empty()) return failed;
    // An endless loop must yield to Ctrl-C. On a loaded machine a busy
    // process can be slow to answer, so it gets two chances and time. The
    // loop may have emptied the search order before it was stopped (a
    // VOCABULARY word run in it): then the sync line fails as above.
    for (int wait : {5, 10}) {
        kill(p.pid, SIGINT);
        if (wait == 5) p.send(sync);
        if (p.await(marker, wait)) return "";
        if (std::string failed = sync_failed(); !failed.empty()) return failed;
    }
    status = p.exit_status();
    return status.empty() ? "hangs, even after Ctrl-C" : status;
}

// A finding file's inputs: the lines after the history header (or every
// line, for a file without one), each with its newline.
std::vector<std::string> read_inputs(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::vector<std::string> inputs;
    bool in_history = false;
    for (std::string l; std::getline(f, l);) {
        if (!in_history && l == History::HEADER) { inputs.clear(); in_history = true; continue; }
        inputs.push_back(l + "\n");
    }
    return inputs;
}

// Empties the scratch directory (files the fuzzed code created) and starts a
// fresh process, so that each run of inputs starts from the same state.
void restart(Process& p, const char* xforth) {
    p.stop();
    if (system("find . -mindepth 1 -delete") != 0) fprintf(stderr, "fuzz: could not empty the scratch directory\n");
    p.start(xforth);
}

// Runs the inputs through a fresh process; returns the finding ("" if none)
// and, in *at, the number of the input that gave it.
std::string replay_inputs(Process& p, const char* xforth, const std::vector<std::string>& inputs, bool trace, size_t* at) {
    restart(p, xforth);
    std::string what;
    size_t n = 0;
    while (n < inputs.size() && what.empty()) {
        ++n;
        what = try_input(p, inputs[n - 1], long(n), trace);
    }
    p.stop();
    *at = n;
    return what;
}

// Delta debugging (Zeller's ddmin) over the inputs: drops chunks of them as
// long as the rest still gives the same finding.
void minimise(Process& p, const char* xforth, std::vector<std::string>& inputs, const std::string& what) {
    size_t chunks = 2;
    while (inputs.size() >= 2) {
        chunks = std::min(chunks, inputs.size());
        size_t size = (inputs.size() + chunks - 1) / chunks;
        bool dropped = false;
        for (size_t start = 0; start < inputs.size(); start += size) {
            std::vector<std::string> rest(inputs.begin(), inputs.begin() + long(start));
            rest.insert(rest.end(), inputs.begin() + long(std::min(start + size, inputs.size())), inputs.end());
            size_t at = 0;
            if (replay_inputs(p, xforth, rest, false, &at) != what) continue;
            rest.resize(at);
            inputs = rest;
            fprintf(stderr, "minimise: %zu inputs\n", inputs.size());
            chunks = std::max<size_t>(chunks - 1, 2);
            dropped = true;
            break;
        }
        if (!dropped) {
            if (chunks >= inputs.size()) break;
            chunks *= 2;
        }
    }
}

// --jobs N: forks N fuzzers, each with its own xforth. Returns the job's
// number (0..N-1) in each child; in the parent, once all have ended, prints
// their summed figures and returns -1 (no findings) or -2.
int run_jobs(int n) {
    std::vector<std::pair<pid_t, int>> children;
    for (int i = 0; i < n; ++i) {
        int fds[2];
        if (pipe(fds)) { perror("pipe"); exit(2); }
        pid_t pid = fork();
        if (pid == 0) {
            for (auto& c : children) close(c.second);
            close(fds[0]);
            dup2(fds[1], 1);
            close(fds[1]);
            return i;
        }
        close(fds[1]);
        children.push_back({pid, fds[0]});
    }
    long inputs = 0, findings = 0, gone = 0;
    bool failed = false;
    for (auto& [pid, fd] : children) {
        std::string out;
        char buf[4096];
        for (ssize_t k; (k = read(fd, buf, sizeof buf)) != 0;) {
            if (k < 0) {
                if (errno == EINTR) continue;
                break;
            }
            out.append(buf, size_t(k));
        }
        close(fd);
        int status = 0;
        waitpid(pid, &status, 0);
        long i = 0, f = 0, g = 0;
        unsigned seed = 0;
        if (sscanf(out.c_str(), "fuzz: %ld inputs, %ld findings (seed %u); %ld restarts", &i, &f, &seed, &g) != 4) {
            fprintf(stderr, "fuzz: a job ended without its figures:\n%s\n", out.c_str());
            failed = true;
        }
        printf("  job: %s", out.c_str());
        inputs += i, findings += f, gone += g;
    }
    printf("fuzz: %ld inputs, %ld findings in %d jobs; %ld restarts after an input emptied the search order\n", inputs,
           findings, n, gone);
    return findings || failed ? -2 : -1;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string a = argv[i], v = argv[i + 1];
        if (a == "--xforth") o.xforth = v;
        else if (a == "--seconds") o.seconds = atof(v.c_str());
        else if (a == "--inputs") o.inputs = atol(v.c_str());
        else if (a == "--seed") o.seed = unsigned(atol(v.c_str()));
        else if (a == "--corpus") o.corpus = v;
        else if (a == "--findings") o.findings = v;
        else if (a == "--trace") o.trace = v == "1";
        else if (a == "--replay") o.replay = v;
        else if (a == "--restart") o.restart = atol(v.c_str());
        else if (a == "--minimise") o.minimise = v == "1";
        else if (a == "--jobs") o.jobs = std::max(1, atoi(v.c_str()));
        else { fprintf(stderr, "fuzz: unknown option %s\n", a.c_str()); return 2; }
    }
    if (!o.seed) o.seed = unsigned(time(nullptr));
    if (o.jobs > 1 && o.replay.empty()) {
        int job = run_jobs(o.jobs);
        if (job < 0) return job == -1 ? 0 : 1;   // the parent, with every job's figures summed
        o.seed += unsigned(job);
        if (o.inputs) o.inputs = (o.inputs + o.jobs - 1) / o.jobs;
    }
    signal(SIGPIPE, SIG_IGN);
    char absolute[4096];
    if (!realpath(o.xforth.c_str(), absolute)) { perror(o.xforth.c_str()); return 2; }
    // The paths given are relative to where the fuzzer started, not to its scratch directory.
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd)) { perror("fuzz: getcwd"); return 2; }
    auto made_absolute = [&](std::string& path) {
        if (!path.empty() && path[0] != '/') path = std::string(cwd) + "/" + path;
    };
    made_absolute(o.replay);
    made_absolute(o.findings);
    made_absolute(o.corpus);
    std::vector<std::string> replay;
    if (!o.replay.empty()) {
        replay = read_inputs(o.replay);
        if (replay.empty()) { fprintf(stderr, "fuzz: no inputs in %s\n", o.replay.c_str()); return 2; }
    }
    // Files the fuzzed code creates (CREATE-FILE, blocks) land in a scratch directory.
    char scratch[] = "/tmp/xforth-fuzz-XXXXXX";
    if (!mkdtemp(scratch) || chdir(scratch) != 0) { perror("fuzz: scratch directory"); return 2; }
    auto remove_scratch = [&] {
        if (chdir("/") == 0 && system((std::string("rm -rf ") + scratch).c_str()) != 0) fprintf(stderr, "fuzz: could not remove %s\n", scratch);
    };
    Process p;

    // Replay: the same inputs, sync lines and checks as in the campaign.
    if (!replay.empty()) {
        size_t at = 0;
        std::string what = replay_inputs(p, absolute, replay, o.trace, &at);
        if (what.empty()) printf("replay: %zu inputs, no finding\n", replay.size());
        else printf("replay: finding at input %zu of %zu: %s\n", at, replay.size(), what.c_str());
        if (!what.empty() && o.minimise) {
            replay.resize(at);
            minimise(p, absolute, replay, what);
            std::string path = o.replay + ".min";
            std::ofstream f(path, std::ios::binary);
            f << "\\ " << what << " (minimised from " << at << " inputs)\n" << History::HEADER << "\n";
            for (auto& i : replay) f << i;
            printf("replay: %zu inputs still give it, saved in %s\n", replay.size(), path.c_str());
        }
        remove_scratch();
        return what.empty() ? 0 : 1;
    }

    // The vocabulary: every word the dictionary lists, less the excluded ones.
    p.start(absolute);
    p.send("words\n.( @@words@@)\n");   // WORDS alone on its line: a name after it would filter
    for (auto until = Clock::now() + std::chrono::seconds(20);
         p.output.find("@@words@@") == std::string::npos && Clock::now() < until;)
        if (!p.drain(100)) break;
    std::vector<std::string> words;
    {
        std::string text = p.output.substr(0, p.output.find("@@words@@"));
        std::istringstream in(text);
        for (std::string w; in >> w;) {
            std::string up = w;
            for (char& c : up) c = char(toupper((unsigned char)c));
            if (std::find(std::begin(EXCLUDED), std::end(EXCLUDED), up) == std::end(EXCLUDED)) words.push_back(w);
        }
    }
    p.stop();
    if (words.size() < 50) {
        fprintf(stderr, "fuzz: could not read the dictionary; xforth said:\n%s\n", p.output.substr(0, 2000).c_str());
        return 2;
    }

    Generator gen(o.seed, words, read_corpus(o.corpus));
    if (system(("mkdir -p " + o.findings).c_str()) != 0) return 2;
    long count = 0, findings = 0, since_start = 0, search_order_gone = 0;
    auto deadline = Clock::now() + std::chrono::duration<double>(o.seconds);
    History history;
    restart(p, absolute);

    while (Clock::now() < deadline && (!o.inputs || count < o.inputs)) {
        if (since_start >= o.restart) {   // fresh dictionary, and no old files, now and then
            restart(p, absolute);
            since_start = 0;
            history.clear();
        }
        std::string input = gen.input();
        ++count;
        ++since_start;
        history.add(input);
        std::string what = try_input(p, input, count, o.trace);
        if (what.empty()) continue;
        if (what == SEARCH_ORDER_GONE) {
            ++search_order_gone;
            restart(p, absolute);
            since_start = 0;
            history.clear();
            continue;
        }
        ++findings;
        std::string path = o.findings + "/finding-" + std::to_string(o.seed) + "-" + std::to_string(count) + ".fs";
        std::ofstream f(path, std::ios::binary);
        f << "\\ " << what << "\n\\ the last input:\n" << input
          << "\\ replay: build/fuzz --xforth ./xforth --replay " << path << "\n";
        history.write(f);
        fprintf(stderr, "fuzz: finding: %s (input %ld, saved in %s)\n", what.c_str(), count, path.c_str());
        restart(p, absolute);
        since_start = 0;
        history.clear();
    }
    p.stop();
    remove_scratch();
    printf("fuzz: %ld inputs, %ld findings (seed %u); %ld restarts after an input emptied the search order\n", count,
           findings, o.seed, search_order_gone);
    return findings ? 1 : 0;
}
