// SPDX-License-Identifier: MIT
// A fuzzer for the whole system: it feeds one xforth process (restarted every
// few thousand inputs) with random and mutated Forth source and checks after
// each input that the prompt still answers.
//
// A finding is a process that dies (from a signal, or exits unasked), or that
// stops answering: after an input, a sync line must bring back its marker
// within a time limit; if not, Ctrl-C (SIGINT) is sent, which must bring the
// prompt back too (an endless loop is legal Forth; ignoring Ctrl-C is not).
//
//   fuzz --xforth ./xforth [--seconds N] [--inputs N] [--seed N]
//        [--corpus DIR] [--findings DIR] [--trace 1]
// Prints "fuzz: N inputs, M findings" and exits 1 if there were findings.
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
};

// Words that would end the process or read the fuzzer's own input stream.
const char* const EXCLUDED[] = {"BYE", "(BYE)", "KEY", "ACCEPT", "EKEY", "XKEY", "REFILL", "MS", "KEY?", "EKEY?"};

class Process {
public:
    pid_t pid = -1;
    int in = -1, out = -1;
    std::string output;

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
            if (n == 0) return false;   // the process closed its output
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
    std::string exit_status() {
        int status = 0;
        if (pid <= 0 || waitpid(pid, &status, WNOHANG) <= 0) return "";
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
        else { fprintf(stderr, "fuzz: unknown option %s\n", a.c_str()); return 2; }
    }
    if (!o.seed) o.seed = unsigned(time(nullptr));
    signal(SIGPIPE, SIG_IGN);
    char absolute[4096];
    if (!realpath(o.xforth.c_str(), absolute)) { perror(o.xforth.c_str()); return 2; }
    // Files the fuzzed code creates (CREATE-FILE, blocks) land in a scratch directory.
    char scratch[] = "/tmp/xforth-fuzz-XXXXXX";
    if (!mkdtemp(scratch) || chdir(scratch) != 0) { perror("fuzz: scratch directory"); return 2; }

    // The vocabulary: every word the dictionary lists, less the excluded ones.
    Process p;
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
    long count = 0, findings = 0, since_start = 0;
    auto deadline = Clock::now() + std::chrono::duration<double>(o.seconds);
    std::string history;   // the inputs since the process started, for a finding's report
    p.start(absolute);

    auto report = [&](const std::string& what, const std::string& input) {
        ++findings;
        std::string path = o.findings + "/finding-" + std::to_string(o.seed) + "-" + std::to_string(count) + ".fs";
        std::ofstream f(path);
        f << "\\ " << what << "\n\\ the last input:\n" << input << "\n\\ every input since start:\n" << history;
        fprintf(stderr, "fuzz: finding: %s (input %ld, saved in %s)\n", what.c_str(), count, path.c_str());
        p.stop();
        p.start(absolute);
        since_start = 0;
        history.clear();
    };

    while (Clock::now() < deadline && (!o.inputs || count < o.inputs)) {
        if (since_start >= 3000) {   // fresh dictionary, and no old files, now and then
            p.stop();
            if (system("find . -mindepth 1 -delete") != 0) fprintf(stderr, "fuzz: could not empty the scratch directory\n");
            p.start(absolute);
            since_start = 0;
            history.clear();
        }
        std::string input = gen.input();
        ++count;
        ++since_start;
        if (history.size() < (1 << 20)) history += input;
        std::string marker = "@@" + std::to_string(count) + "@@";
        // Close whatever the input may have left open, then ask for the marker.
        std::string sync = "| :} [then] [then] [then] [then] [then] [then] [then] [then]\n[ decimal .( " + marker + ")\n";
        bool sent = p.send(input) && p.send(sync);
        if (o.trace) {
            p.drain(200);
            fprintf(stderr, ">>> %s<<< %s\n", input.substr(0, 300).c_str(), p.output.substr(0, 600).c_str());
        }
        if (sent && p.await(marker, 3)) continue;
        std::string status = p.exit_status();
        if (!status.empty() || !sent) {
            report(status.empty() ? "stopped reading its input" : status, input);
            continue;
        }
        // An endless loop must yield to Ctrl-C. On a loaded machine a busy
        // process can be slow to answer, so it gets two chances and time.
        kill(p.pid, SIGINT);
        p.send(sync);
        if (p.await(marker, 5)) continue;
        kill(p.pid, SIGINT);
        if (p.await(marker, 10)) continue;
        status = p.exit_status();
        report(status.empty() ? "hangs, even after Ctrl-C" : status, input);
    }
    p.stop();
    if (chdir("/") == 0 && system((std::string("rm -rf ") + scratch).c_str()) != 0) fprintf(stderr, "fuzz: could not remove %s\n", scratch);
    printf("fuzz: %ld inputs, %ld findings (seed %u)\n", count, findings, o.seed);
    return findings ? 1 : 0;
}
