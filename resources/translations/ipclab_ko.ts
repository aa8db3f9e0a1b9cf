<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>QObject</name>
    <message>
        <source>PNG scale must be 1, 2 or 3</source>
        <translation>PNG 배율은 1, 2, 3 중 하나여야 합니다</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1에 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>IPC Lab: measured on this machine</source>
        <translation>IPC Lab: 이 컴퓨터에서 측정</translation>
    </message>
    <message>
        <source>%1 has no data table</source>
        <translation>%1에는 데이터 표가 없습니다</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Unknown export format &apos;%1&apos; (use .png, .svg, .pdf or .csv)</source>
        <translation>알 수 없는 내보내기 형식 &apos;%1&apos; (.png, .svg, .pdf, .csv 중 하나를 쓰세요)</translation>
    </message>
    <message>
        <source>Could not create %1</source>
        <translation>%1을(를) 만들 수 없습니다</translation>
    </message>
    <message>
        <source>pipe buffer</source>
        <translation>파이프 버퍼</translation>
    </message>
    <message>
        <source>FIFO (named pipe) buffer</source>
        <translation>FIFO(이름 있는 파이프) 버퍼</translation>
    </message>
    <message>
        <source>Unix socket buffers</source>
        <translation>유닉스 소켓 버퍼</translation>
    </message>
    <message>
        <source>TCP loopback socket buffers</source>
        <translation>TCP 루프백 소켓 버퍼</translation>
    </message>
    <message>
        <source>POSIX message queue</source>
        <translation>POSIX 메시지 큐</translation>
    </message>
    <message>
        <source>file in the page cache</source>
        <translation>페이지 캐시의 파일</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>시작 중</translation>
    </message>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>waiting on lock</source>
        <translation>잠금 대기</translation>
    </message>
    <message>
        <source>holding lock</source>
        <translation>잠금 보유</translation>
    </message>
    <message>
        <source>blocked in kernel</source>
        <translation>커널에서 대기</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>exited</source>
        <translation>종료됨</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>레슨</translation>
    </message>
    <message>
        <source>You said %1 · measured %2</source>
        <translation>예측 %1 · 측정 %2</translation>
    </message>
    <message>
        <source>No prediction was given.</source>
        <translation>예측 없이 측정했습니다.</translation>
    </message>
    <message>
        <source>Computed from %1 · %2 · measured on %3, %4</source>
        <translation>계산 근거: %1 · %2 · 측정: %3, %4</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1에 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 · %2 CPUs · Linux %3</source>
        <translation>%1 · CPU %2개 · Linux %3</translation>
    </message>
    <message>
        <source>spinning</source>
        <translation>스핀 중</translation>
    </message>
    <message>
        <source>in critical section, no lock</source>
        <translation>잠금 없이 임계 구역 안</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 ns</source>
        <translation>%1 ns</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>shared memory</source>
        <translation>공유메모리</translation>
    </message>
    <message>
        <source>pipe</source>
        <translation>파이프</translation>
    </message>
    <message>
        <source>FIFO</source>
        <translation>FIFO</translation>
    </message>
    <message>
        <source>Unix socket</source>
        <translation>유닉스 소켓</translation>
    </message>
    <message>
        <source>TCP loopback</source>
        <translation>TCP 루프백</translation>
    </message>
    <message>
        <source>message queue</source>
        <translation>메시지 큐</translation>
    </message>
    <message>
        <source>file</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>One region mapped into both address spaces: after setup, data moves with plain loads and stores, no system call.</source>
        <translation>한 영역이 두 주소 공간에 매핑됩니다. 설정이 끝나면 데이터는 일반 메모리 읽기/쓰기로 이동하며 시스템 콜이 없습니다.</translation>
    </message>
    <message>
        <source>An anonymous kernel buffer inherited by both processes: write() copies in, read() copies out.</source>
        <translation>두 프로세스가 물려받은 이름 없는 커널 버퍼: write()가 복사해 넣고 read()가 복사해 꺼냅니다.</translation>
    </message>
    <message>
        <source>A named pipe: a path in the file system, the same kernel buffer as a pipe.</source>
        <translation>이름 있는 파이프: 파일 시스템의 경로이며, 파이프와 같은 커널 버퍼입니다.</translation>
    </message>
    <message>
        <source>A local stream socket: send/recv copy the bytes through a kernel socket buffer.</source>
        <translation>로컬 스트림 소켓: send/recv가 커널 소켓 버퍼를 거쳐 바이트를 복사합니다.</translation>
    </message>
    <message>
        <source>TCP over 127.0.0.1: the whole network stack, without the network.</source>
        <translation>127.0.0.1 위의 TCP: 네트워크 없이 네트워크 스택 전체를 거칩니다.</translation>
    </message>
    <message>
        <source>A POSIX message queue: the kernel keeps whole messages, with a small size and count limit.</source>
        <translation>POSIX 메시지 큐: 커널이 메시지 단위로 보관하며, 크기와 개수 제한이 작습니다.</translation>
    </message>
    <message>
        <source>A writer appends records to a file and a reader follows it through the page cache.</source>
        <translation>쓰는 쪽이 파일에 레코드를 덧붙이고, 읽는 쪽이 페이지 캐시를 통해 따라 읽습니다.</translation>
    </message>
    <message>
        <source>No synchronization: concurrent read-modify-write in shared memory loses updates.</source>
        <translation>동기화 없음: 공유메모리에서 동시에 읽고-고치고-쓰면 갱신이 사라집니다.</translation>
    </message>
    <message>
        <source>A process-shared robust pthread mutex: waiters sleep in the kernel; survives a dead holder.</source>
        <translation>프로세스 간 공유 robust pthread 뮤텍스: 대기자는 커널에서 잠들고, 보유자가 죽어도 복구됩니다.</translation>
    </message>
    <message>
        <source>Test-and-test-and-set on an atomic flag: waiters burn CPU instead of sleeping.</source>
        <translation>원자적 플래그에 대한 test-and-test-and-set: 대기자는 잠들지 않고 CPU를 소모합니다.</translation>
    </message>
    <message>
        <source>A semaphore in shared memory (P and V on one futex word, as glibc&apos;s sem_t inside), used as a binary lock.</source>
        <translation>공유 메모리의 세마포어(futex 워드 하나에 대한 P와 V, glibc sem_t의 내부와 같음)를 이진 잠금으로 사용합니다.</translation>
    </message>
    <message>
        <source>Lock-free: hardware atomic instructions (fetch_add, compare-and-swap), no lock at all.</source>
        <translation>락 프리: 하드웨어 원자 명령(fetch_add, compare-and-swap)만 쓰고 잠금은 전혀 없습니다.</translation>
    </message>
    <message>
        <source>producer</source>
        <translation>생산자</translation>
    </message>
    <message>
        <source>consumer</source>
        <translation>소비자</translation>
    </message>
    <message>
        <source>race worker</source>
        <translation>경쟁 워커</translation>
    </message>
    <message>
        <source>pinger</source>
        <translation>핑 보내는 쪽</translation>
    </message>
    <message>
        <source>ponger</source>
        <translation>퐁 보내는 쪽</translation>
    </message>
    <message>
        <source>isolation</source>
        <translation>격리</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>시작 중</translation>
    </message>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>waiting on lock</source>
        <translation>잠금 대기</translation>
    </message>
    <message>
        <source>holding lock</source>
        <translation>잠금 보유</translation>
    </message>
    <message>
        <source>in kernel</source>
        <translation>커널 안</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>exited</source>
        <translation>종료됨</translation>
    </message>
    <message>
        <source>killed by signal %1 (%2)</source>
        <translation>시그널 %1(%2)로 강제 종료됨</translation>
    </message>
    <message>
        <source>exited with status %1</source>
        <translation>종료 상태 %1로 종료됨</translation>
    </message>
    <message>
        <source>spinning</source>
        <translation>스핀 중</translation>
    </message>
    <message>
        <source>in section, no lock</source>
        <translation>잠금 없이 임계 구역 안</translation>
    </message>
</context>
<context>
    <name>ipclab::ui::AnimationExport</name>
    <message>
        <source>An export is already running</source>
        <translation>내보내기가 이미 진행 중입니다</translation>
    </message>
    <message>
        <source>Not a possible animation: 1-60 frames a second, up to 120 seconds</source>
        <translation>가능한 애니메이션이 아닙니다: 초당 1-60 프레임, 최대 120초</translation>
    </message>
    <message>
        <source>%1: the name must end in .gif, .mp4 or .webm</source>
        <translation>%1: 이름은 .gif, .mp4 또는 .webm으로 끝나야 합니다</translation>
    </message>
    <message>
        <source>Animation export cancelled</source>
        <translation>애니메이션 내보내기를 취소했습니다</translation>
    </message>
    <message>
        <source>Animation export failed: %1</source>
        <translation>애니메이션 내보내기 실패: %1</translation>
    </message>
    <message>
        <source>Wrote %1: %2 frames, %3x%4, %5</source>
        <translation>%1 저장: 프레임 %2개, %3x%4, %5</translation>
    </message>
</context>
<context>
    <name>ipclab::ui::BigNumber</name>
    <message>
        <source>round trips/s</source>
        <translation>왕복/s</translation>
    </message>
    <message>
        <source>msgs/s</source>
        <translation>메시지/s</translation>
    </message>
    <message>
        <source>%1 ÷ %2, %3 measured</source>
        <translation>%1 ÷ %2, %3 측정</translation>
    </message>
    <message>
        <source>lost updates</source>
        <translation>잃어버린 갱신</translation>
    </message>
    <message>
        <source>round trip, median</source>
        <translation>왕복 시간, 중앙값</translation>
    </message>
    <message>
        <source>system calls per message (send + receive)</source>
        <translation>메시지당 시스템 콜 (송신 + 수신)</translation>
    </message>
</context>
<context>
    <name>ipclab::ui::BreakdownView</name>
    <message>
        <source>Measuring…</source>
        <translation>측정 중…</translation>
    </message>
    <message>
        <source>A stream has a sending and a receiving side: start one to see them.</source>
        <translation>스트림에는 보내는 쪽과 받는 쪽이 있습니다: 스트림을 시작하면 보입니다.</translation>
    </message>
    <message>
        <source>send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>receive</source>
        <translation>받기</translation>
    </message>
    <message>
        <source>user CPU (kernel&apos;s count)</source>
        <translation>사용자 CPU (커널의 집계)</translation>
    </message>
    <message>
        <source>kernel CPU (kernel&apos;s count)</source>
        <translation>커널 CPU (커널의 집계)</translation>
    </message>
    <message>
        <source>off CPU</source>
        <translation>CPU 밖</translation>
    </message>
    <message>
        <source>%1 a message = %2 user + %3 kernel + %4 off CPU; the send call %5</source>
        <translation>메시지 하나 %1 = 사용자 %2 + 커널 %3 + CPU 밖 %4; send 호출 %5</translation>
    </message>
    <message>
        <source>%1 a message = %2 user + %3 kernel + %4 off CPU; the receive call %5</source>
        <translation>메시지 하나 %1 = 사용자 %2 + 커널 %3 + CPU 밖 %4; receive 호출 %5</translation>
    </message>
    <message>
        <source>Where one message&apos;s time goes</source>
        <translation>메시지 하나의 시간은 어디에 쓰이나</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Per message, each side, since the run started. CPU in user mode and in the kernel: the kernel&apos;s accounting of the workers (/proc, wait4). Off CPU: the rest of the side&apos;s time (asleep waiting for data or room, being woken, or waiting for a CPU). The call: clocked around the send or receive call on 1 message in %1 at full speed, on every one when the rate is limited (the clock read itself is in it).</source>
        <translation>메시지 하나당, 각 쪽마다, 실행 시작부터. 사용자 모드와 커널의 CPU: 커널이 센 워커의 CPU 시간(/proc, wait4). CPU 밖: 그 쪽의 나머지 시간(데이터나 빈 자리를 기다리며 잠든 시간, 깨어나는 시간, CPU를 기다린 시간). 호출: 최고 속도에서는 메시지 %1개 중 1개, 속도를 제한하면 모든 메시지에서 send 또는 receive 호출 앞뒤로 잰 시간(시계 읽기 자체도 포함).</translation>
    </message>
    <message>
        <source>Each side, per message, since the start: CPU in user mode and in the kernel as the kernel counted it for the workers, the rest off the CPU; the call clocked on 1 message in %1 at full speed.</source>
        <translation>각 쪽, 메시지 하나당, 시작부터: 커널이 워커에 대해 센 사용자 모드와 커널의 CPU, 나머지는 CPU 밖; 호출은 최고 속도에서 메시지 %1개 중 1개에서 잰 시간.</translation>
    </message>
</context>
<context>
    <name>ipclab::ui::ChartTabs</name>
    <message>
        <source>Throughput</source>
        <translation>처리량</translation>
    </message>
    <message>
        <source>msgs/s</source>
        <translation>메시지/s</translation>
    </message>
    <message>
        <source>MB/s</source>
        <translation>MB/s</translation>
    </message>
    <message>
        <source>Lock contention</source>
        <translation>잠금 경합</translation>
    </message>
    <message>
        <source>contended %</source>
        <translation>경합 %</translation>
    </message>
    <message>
        <source>mean wait (µs)</source>
        <translation>평균 대기 (µs)</translation>
    </message>
    <message>
        <source>mean wait µs</source>
        <translation>평균 대기 µs</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>무결성</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>유실</translation>
    </message>
    <message>
        <source>inconsistent / corrupted</source>
        <translation>불일치 / 손상</translation>
    </message>
    <message>
        <source>inconsistent/corrupted</source>
        <translation>불일치/손상</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>지연</translation>
    </message>
    <message>
        <source>µs</source>
        <translation>µs</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Measured messages (race: updates) per second over the last half second, last 60 s</source>
        <translation>최근 0.5초 동안 측정한 초당 메시지(경쟁: 갱신) 수, 최근 60초</translation>
    </message>
    <message>
        <source>Share of lock acquisitions that found the lock taken, and the mean wait</source>
        <translation>잠금을 얻으려 할 때 이미 잡혀 있던 비율과 평균 대기 시간</translation>
    </message>
    <message>
        <source>Lost updates / messages and inconsistent records / corrupted messages, cumulative</source>
        <translation>잃어버린 갱신/메시지와 불일치 레코드/손상된 메시지, 누적</translation>
    </message>
    <message>
        <source>One-way latency (ping-pong: round trip) percentiles</source>
        <translation>단방향 지연(핑퐁: 왕복) 백분위수</translation>
    </message>
    <message>
        <source>Live charts</source>
        <translation>실시간 차트</translation>
    </message>
    <message>
        <source>Throughput per message size, log–log; the dashed line marks the crossover</source>
        <translation>메시지 크기별 처리량, 로그-로그; 점선이 교차점입니다</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>스윕</translation>
    </message>
    <message>
        <source>CPU and context switches, as the kernel counts them</source>
        <translation>커널이 센 CPU와 문맥 교환</translation>
    </message>
    <message>
        <source>% of one CPU</source>
        <translation>CPU 1개 대비 %</translation>
    </message>
    <message>
        <source>switches/s</source>
        <translation>교환/s</translation>
    </message>
    <message>
        <source>user CPU %</source>
        <translation>사용자 CPU %</translation>
    </message>
    <message>
        <source>kernel CPU %</source>
        <translation>커널 CPU %</translation>
    </message>
    <message>
        <source>waited/s</source>
        <translation>대기/s</translation>
    </message>
    <message>
        <source>preempted/s</source>
        <translation>선점/s</translation>
    </message>
    <message>
        <source>From /proc/PID/stat and /proc/PID/status of every worker, read five times a second: CPU time in user mode and in the kernel, context switches because a worker waited (voluntary) or was preempted (involuntary). Measured by the kernel, not by IPC Lab.</source>
        <translation>모든 워커의 /proc/PID/stat과 /proc/PID/status를 초당 다섯 번 읽습니다: 사용자 모드와 커널의 CPU 시간, 워커가 기다려서(자발적) 또는 선점되어서(비자발적) 생긴 문맥 교환. IPC Lab이 아니라 커널이 측정합니다.</translation>
    </message>
    <message>
        <source>Kernel&apos;s view</source>
        <translation>커널의 시각</translation>
    </message>
    <message>
        <source>One lane per worker process: its published state over the last 10 s, sampled 30 times a second. The lock&apos;s holder comes from the lock itself: one at a time.</source>
        <translation>워커 프로세스마다 한 줄: 지난 10초 동안 워커가 게시한 상태, 초당 30번 샘플링. 잠금 보유자는 잠금 자체에서 가져옵니다: 한 번에 하나.</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>타임라인</translation>
    </message>
    <message>
        <source>Time per message</source>
        <translation>메시지당 시간</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>실시간</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>커널</translation>
    </message>
    <message>
        <source>Per message</source>
        <translation>메시지당</translation>
    </message>
</context>
<context>
    <name>ipclab::ui::ExperimentPanel</name>
    <message>
        <source>Full speed</source>
        <translation>최대 속도</translation>
    </message>
    <message>
        <source>Limited: 10 000 msgs/s</source>
        <translation>제한: 10 000 메시지/s</translation>
    </message>
    <message>
        <source>Limited: 100 msgs/s</source>
        <translation>제한: 100 메시지/s</translation>
    </message>
    <message>
        <source>Slow motion: 5 msgs/s</source>
        <translation>슬로 모션: 5 메시지/s</translation>
    </message>
    <message>
        <source>Slow motion: 2 msgs/s</source>
        <translation>슬로 모션: 2 메시지/s</translation>
    </message>
    <message>
        <source>Slow motion: 1 msg/s</source>
        <translation>슬로 모션: 1 메시지/s</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>스트림</translation>
    </message>
    <message>
        <source>Producers send numbered, checksummed messages to consumers</source>
        <translation>생산자가 번호와 체크섬이 붙은 메시지를 소비자에게 보냅니다</translation>
    </message>
    <message>
        <source>Race</source>
        <translation>경쟁</translation>
    </message>
    <message>
        <source>Workers update one shared counter and a two-account record</source>
        <translation>워커들이 하나의 공유 카운터와 두 계좌 레코드를 갱신합니다</translation>
    </message>
    <message>
        <source>Ping-pong</source>
        <translation>핑퐁</translation>
    </message>
    <message>
        <source>One message back and forth: the round-trip latency</source>
        <translation>메시지 하나가 왕복합니다: 왕복 지연</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>스윕</translation>
    </message>
    <message>
        <source>Throughput for every size and transport: the crossover chart</source>
        <translation>모든 크기와 전송 방식의 처리량: 교차점 차트</translation>
    </message>
    <message>
        <source>Isolation</source>
        <translation>격리</translation>
    </message>
    <message>
        <source>Same virtual address in two processes: private vs shared</source>
        <translation>두 프로세스의 같은 가상 주소: 개인 메모리 대 공유메모리</translation>
    </message>
    <message>
        <source>What the worker processes do</source>
        <translation>워커 프로세스가 하는 일</translation>
    </message>
    <message>
        <source>&amp;Experiment</source>
        <translation>실험(&amp;E)</translation>
    </message>
    <message>
        <source>Shared memory: one region mapped into both processes, no kernel on the data path. The others: message passing, every message copied through the kernel by system calls.</source>
        <translation>공유메모리: 한 영역이 두 프로세스에 매핑되고 데이터 경로에 커널이 없습니다. 나머지는 메시지 전달: 모든 메시지가 시스템 콜로 커널을 거쳐 복사됩니다.</translation>
    </message>
    <message>
        <source>&amp;Transport</source>
        <translation>전송 방식(&amp;T)</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>비교 대상</translation>
    </message>
    <message>
        <source>Run a second lane over a message-passing transport at the same time, on the same charts</source>
        <translation>메시지 전달 방식의 두 번째 레인을 동시에 같은 차트 위에서 실행합니다</translation>
    </message>
    <message>
        <source>Synchronization</source>
        <translation>동기화</translation>
    </message>
    <message>
        <source>S: switch synchronization on or off while the workers run. Off, concurrent writes to the same shared memory collide and the checks count the damage.</source>
        <translation>S: 워커가 실행되는 동안 동기화를 켜고 끕니다. 끄면 같은 공유메모리에 대한 동시 쓰기가 충돌하고, 검사가 그 피해를 셉니다.</translation>
    </message>
    <message>
        <source>Which primitive protects the shared data when sync is on</source>
        <translation>동기화가 켜져 있을 때 공유 데이터를 보호하는 기본 요소</translation>
    </message>
    <message>
        <source>Measured: from the control-block change to the last worker&apos;s acknowledgement</source>
        <translation>측정값: 제어 블록 변경부터 마지막 워커의 확인까지</translation>
    </message>
    <message>
        <source>Processes that send messages</source>
        <translation>메시지를 보내는 프로세스</translation>
    </message>
    <message>
        <source>Processes that receive and verify messages</source>
        <translation>메시지를 받아 검증하는 프로세스</translation>
    </message>
    <message>
        <source>Race: processes updating the same shared data</source>
        <translation>경쟁: 같은 공유 데이터를 갱신하는 프로세스</translation>
    </message>
    <message>
        <source>Payload bytes per message (8 B to 1 MiB; a message queue allows less, as the kernel sets)</source>
        <translation>메시지당 페이로드 바이트 (8 B ~ 1 MiB; 메시지 큐는 커널 설정만큼 더 작게 허용)</translation>
    </message>
    <message>
        <source>Messages per second per producer. Slow motion shows each real message as a token.</source>
        <translation>생산자당 초당 메시지 수. 슬로 모션에서는 실제 메시지 하나하나가 토큰으로 보입니다.</translation>
    </message>
    <message>
        <source>&amp;Producers</source>
        <translation>생산자(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Consumers</source>
        <translation>소비자(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Workers</source>
        <translation>워커(&amp;W)</translation>
    </message>
    <message>
        <source>Message si&amp;ze</source>
        <translation>메시지 크기(&amp;Z)</translation>
    </message>
    <message>
        <source>&amp;Rate</source>
        <translation>속도(&amp;R)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Space: start or stop the worker processes</source>
        <translation>Space: 워커 프로세스를 시작하거나 정지합니다</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>P: workers sleep on the control block until resumed</source>
        <translation>P: 재개할 때까지 워커가 제어 블록에서 잠듭니다</translation>
    </message>
    <message>
        <source>Kill worker</source>
        <translation>워커 종료</translation>
    </message>
    <message>
        <source>Send SIGKILL to the process selected in the table: see the others survive</source>
        <translation>표에서 선택한 프로세스에 SIGKILL을 보냅니다: 나머지가 살아남는 것을 보세요</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>정지</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>재개</translation>
    </message>
    <message>
        <source>Race: extra microseconds each worker spends inside the critical section (--hold-us)</source>
        <translation>경쟁: 각 워커가 임계 구역 안에서 더 머무는 마이크로초 (--hold-us)</translation>
    </message>
    <message>
        <source>&amp;Hold</source>
        <translation>머무름(&amp;H)</translation>
    </message>
    <message>
        <source>Extra processes that only burn CPU, beside the workers (shown as CPU hog in the process table): workers get preempted, inside the critical section too. Changes at once.</source>
        <translation>워커 옆에서 CPU만 태우는 추가 프로세스 (프로세스 표에 CPU 점유자로 표시): 워커가 임계 구역 안에서도 선점됩니다. 바로 바뀝니다.</translation>
    </message>
    <message>
        <source>CPU ho&amp;gs</source>
        <translation>CPU 점유자(&amp;G)</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>spin</source>
        <translation>스핀</translation>
    </message>
    <message>
        <source>spin, then sleep</source>
        <translation>스핀 후 잠들기</translation>
    </message>
    <message>
        <source>sleep</source>
        <translation>바로 잠들기</translation>
    </message>
    <message>
        <source>How a shared-memory worker waits when the ring is full or empty: spin on its CPU (fastest answer, a whole CPU burnt), spin briefly then sleep on a futex, or sleep at once. Compare latency and the Kernel&apos;s view. W: next, while the workers run.</source>
        <translation>링이 가득 찼거나 비었을 때 공유메모리 워커가 기다리는 방식: CPU에서 스핀 (가장 빠른 응답, CPU 하나를 다 씀), 잠깐 스핀한 뒤 futex에서 잠들기, 또는 바로 잠들기. 지연 시간과 커널의 시각을 비교하세요. W: 다음, 워커가 실행 중에도.</translation>
    </message>
</context>
<context>
    <name>ipclab::ui::FlowFigure</name>
    <message>
        <source>USER SPACE (each process: its own address space)</source>
        <translation>사용자 공간 (각 프로세스: 자신만의 주소 공간)</translation>
    </message>
    <message>
        <source>KERNEL SPACE (reached only by system calls)</source>
        <translation>커널 공간 (시스템 콜로만 도달)</translation>
    </message>
    <message>
        <source>Press Start (Space): real worker processes will appear here.</source>
        <translation>시작(Space)을 누르세요: 실제 워커 프로세스가 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>updates/s</source>
        <translation>갱신/s</translation>
    </message>
    <message>
        <source>round trips/s</source>
        <translation>왕복/s</translation>
    </message>
    <message>
        <source>msgs/s</source>
        <translation>메시지/s</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1: %2 %3</translation>
    </message>
    <message>
        <source>%1 (stopped; last measured)</source>
        <translation>%1 (정지됨; 마지막 측정값)</translation>
    </message>
    <message numerus="yes">
        <source>+ %n more worker(s), see the process table</source>
        <translation>
            <numerusform>+ 워커 %n개 더, 프로세스 표를 보세요</numerusform>
        </translation>
    </message>
    <message>
        <source>shared memory segment, mapped into every process:
%1</source>
        <translation>모든 프로세스에 매핑된 공유메모리 세그먼트:
%1</translation>
    </message>
    <message>
        <source>counter = %1
lost updates: %2    inconsistent records: %3</source>
        <translation>카운터 = %1
잃어버린 갱신: %2    불일치 레코드: %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>free</source>
        <translation>비어 있음</translation>
    </message>
    <message>
        <source>held by %1</source>
        <translation>%1이(가) 보유</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n개 대기</numerusform>
        </translation>
    </message>
    <message>
        <source>no synchronization: concurrent writes collide</source>
        <translation>동기화 없음: 동시 쓰기가 충돌합니다</translation>
    </message>
    <message>
        <source>data never crosses into the kernel: plain loads and stores</source>
        <translation>데이터가 커널로 넘어가지 않습니다: 일반 메모리 읽기/쓰기</translation>
    </message>
    <message>
        <source>lost/duplicated: %1   corrupted/out of order: %2</source>
        <translation>유실/중복: %1   손상/순서 어긋남: %2</translation>
    </message>
    <message>
        <source>slow motion: every token is a real message (producer #sequence)</source>
        <translation>슬로 모션: 모든 토큰은 실제 메시지입니다 (생산자 #순번)</translation>
    </message>
    <message>
        <source>token rate on a log scale of the measured %1/s</source>
        <translation>토큰 속도는 측정된 %1/s의 로그 스케일</translation>
    </message>
    <message>
        <source>%1 (measured)</source>
        <translation>%1 (측정)</translation>
    </message>
    <message>
        <source>%1 system calls/msg moving data (%2 send + %3 receive), %4 waiting</source>
        <translation>메시지당 데이터 이동 시스템 콜 %1회 (송신 %2 + 수신 %3), 대기 %4회</translation>
    </message>
    <message>
        <source>the kernel copies every byte twice</source>
        <translation>커널이 모든 바이트를 두 번 복사합니다</translation>
    </message>
    <message>
        <source>ring: %1 of %2 slots in use</source>
        <translation>링: 슬롯 %2개 중 %1개 사용 중</translation>
    </message>
    <message>
        <source>PID %1 and PID %2 both read %3 and wrote %4: one update lost</source>
        <translation>PID %1과 PID %2가 모두 %3을 읽고 %4를 썼습니다: 갱신 하나가 사라짐</translation>
    </message>
    <message>
        <source>read %1 …</source>
        <translation>%1 읽음 …</translation>
    </message>
    <message>
        <source>read %1 → wrote %2</source>
        <translation>%1 읽음 → %2 씀</translation>
    </message>
    <message>
        <source>slow motion: each worker reads the counter, waits, then writes it back (values as published)</source>
        <translation>슬로 모션: 각 워커가 카운터를 읽고, 기다렸다가, 다시 씁니다 (워커가 게시한 값)</translation>
    </message>
    <message>
        <source>1 of %1 messages in the queue</source>
        <translation>큐: 메시지 %1개 중 1개</translation>
    </message>
    <message>
        <source>%1 of %2 messages in the queue</source>
        <translation>큐: 메시지 %2개 중 %1개</translation>
    </message>
    <message>
        <source>1 message in flight</source>
        <translation>전송 중인 메시지 1개</translation>
    </message>
    <message>
        <source>%1 messages in flight</source>
        <translation>전송 중인 메시지 %1개</translation>
    </message>
    <message>
        <source>%1 (stopped)</source>
        <translation>%1 (정지됨)</translation>
    </message>
    <message>
        <source>%1 system calls/msg moving data, %2 waiting (measured)</source>
        <translation>메시지당 데이터 이동 시스템 콜 %1회, 대기 %2회 (측정)</translation>
    </message>
    <message>
        <source>(the kernel only set the segment up: shm_open and mmap, once)</source>
        <translation>(커널은 세그먼트를 준비만 했습니다: 처음에 shm_open과 mmap 한 번)</translation>
    </message>
    <message>
        <source>%1 system calls/msg (%2 send + %3 receive), measured</source>
        <translation>메시지당 시스템 콜 %1회 (송신 %2 + 수신 %3), 측정</translation>
    </message>
    <message>
        <source>the counter is plain memory: no system call reads or writes it</source>
        <translation>카운터는 일반 메모리입니다: 어떤 시스템 콜도 읽거나 쓰지 않습니다</translation>
    </message>
    <message>
        <source>a worker that finds the lock taken sleeps here, in the kernel (futex), until it is free</source>
        <translation>잠금이 잡혀 있으면 워커는 풀릴 때까지 여기 커널에서 잠듭니다 (futex)</translation>
    </message>
    <message>
        <source>read %1
→ wrote %2</source>
        <translation>%1 읽음
→ %2 씀</translation>
    </message>
    <message>
        <source>KERNEL SPACE</source>
        <translation>커널 공간</translation>
    </message>
</context>
<context>
    <name>ipclab::ui::LessonCard</name>
    <message>
        <source>Skip the question</source>
        <translation>질문 건너뛰기</translation>
    </message>
    <message>
        <source>Measure without a prediction</source>
        <translation>예측 없이 측정합니다</translation>
    </message>
    <message>
        <source>Predict first: pick an answer, then IPC Lab measures it on this machine.</source>
        <translation>먼저 예측하세요: 답을 고르면 IPC Lab이 이 컴퓨터에서 측정합니다.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Run it live</source>
        <translation>실시간으로 실행</translation>
    </message>
    <message>
        <source>Show the lesson&apos;s experiment in the scene and the charts (Space)</source>
        <translation>레슨의 실험을 장면과 차트로 보여 줍니다 (Space)</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>보고서 내보내기…</translation>
    </message>
    <message>
        <source>The verdict on one page, as PDF or PNG, for a slide or to hand in</source>
        <translation>판정을 한 페이지로(PDF 또는 PNG): 슬라이드나 과제 제출용</translation>
    </message>
    <message>
        <source>Ask again</source>
        <translation>다시 묻기</translation>
    </message>
    <message>
        <source>Lesson %1 · %2</source>
        <translation>레슨 %1 · %2</translation>
    </message>
    <message>
        <source>Your prediction: %1</source>
        <translation>내 예측: %1</translation>
    </message>
    <message>
        <source>%1

Your prediction: %2. Measuring on this machine…</source>
        <translation>%1

내 예측: %2. 이 컴퓨터에서 측정하는 중…</translation>
    </message>
    <message>
        <source>%1

Measuring on this machine…</source>
        <translation>%1

이 컴퓨터에서 측정하는 중…</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3 (%4 s of %5 s)</source>
        <translation>%2단계 중 %1단계: %3 (%5초 중 %4초)</translation>
    </message>
</context>
<context>
    <name>ipclab::ui::LessonController</name>
    <message>
        <source>The claim of the course material this lesson checks, and what to watch. Lessons menu: hide it</source>
        <translation>이 레슨이 확인하는 강의 자료의 주장과 지켜볼 점. 레슨 메뉴에서 숨길 수 있습니다</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>No lessons found</source>
        <translation>레슨이 없습니다</translation>
    </message>
    <message>
        <source>&amp;Hide lesson text</source>
        <translation>레슨 설명 숨기기(&amp;H)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Lesson %1 · %2&lt;/b&gt;&lt;br&gt;“%3” &lt;i&gt;(course material)&lt;/i&gt;&lt;br&gt;&lt;b&gt;Watch:&lt;/b&gt; %4</source>
        <translation>&lt;b&gt;레슨 %1 · %2&lt;/b&gt;&lt;br&gt;“%3” &lt;i&gt;(강의 자료)&lt;/i&gt;&lt;br&gt;&lt;b&gt;지켜볼 점:&lt;/b&gt; %4</translation>
    </message>
    <message>
        <source>&amp;Next lesson</source>
        <translation>다음 레슨(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous lesson</source>
        <translation>이전 레슨(&amp;P)</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 is too large to be a lesson</source>
        <translation>%1은(는) 레슨이라기엔 너무 큽니다</translation>
    </message>
    <message>
        <source>%1 is not a lesson: %2</source>
        <translation>%1은(는) 레슨이 아닙니다: %2</translation>
    </message>
</context>
<context>
    <name>ipclab::ui::LessonSession</name>
    <message>
        <source>Lesson %1 could not be measured: %2</source>
        <translation>레슨 %1을 측정할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Lesson %1: %2</source>
        <translation>레슨 %1: %2</translation>
    </message>
</context>
<context>
    <name>ipclab::ui::MainWindow</name>
    <message>
        <source>IPC Lab</source>
        <translation>IPC Lab</translation>
    </message>
    <message>
        <source>Skipped a broken lesson: %1</source>
        <translation>손상된 레슨을 건너뜀: %1</translation>
    </message>
    <message>
        <source>All workers obeyed the sync change in %1 ms</source>
        <translation>모든 워커가 %1 ms 안에 동기화 변경을 따랐습니다</translation>
    </message>
    <message>
        <source>Stopped. Charts keep the last run; Export (Ctrl+E) puts them into slides.</source>
        <translation>정지됨. 차트에는 마지막 실행이 남아 있습니다. 내보내기(Ctrl+E)로 슬라이드에 넣으세요.</translation>
    </message>
    <message>
        <source>Sweep: %1 of %2 points measured</source>
        <translation>스윕: %2개 지점 중 %1개 측정</translation>
    </message>
    <message>
        <source>Ready. Pick an experiment and press Start (Space).</source>
        <translation>준비됨. 실험을 고르고 시작(Space)을 누르세요.</translation>
    </message>
    <message>
        <source>Rate set to %1</source>
        <translation>속도를 %1(으)로 설정</translation>
    </message>
    <message>
        <source>The textbook figure, live: processes in user space, the kernel below. Tokens follow the real path of the data.</source>
        <translation>살아 움직이는 교과서 그림: 위는 사용자 공간의 프로세스, 아래는 커널. 토큰은 데이터의 실제 경로를 따라갑니다.</translation>
    </message>
    <message>
        <source>IPC Lab flow scene</source>
        <translation>IPC Lab 흐름 장면</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>이미지 복사</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1 내보내기</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 저장함</translation>
    </message>
    <message>
        <source>Save PNG (1×)…</source>
        <translation>PNG 저장 (1×)…</translation>
    </message>
    <message>
        <source>Save PNG (2×)…</source>
        <translation>PNG 저장 (2×)…</translation>
    </message>
    <message>
        <source>Save PNG (3×)…</source>
        <translation>PNG 저장 (3×)…</translation>
    </message>
    <message>
        <source>Save SVG…</source>
        <translation>SVG 저장…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>PDF 저장…</translation>
    </message>
    <message>
        <source>Save data as CSV…</source>
        <translation>데이터를 CSV로 저장…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export all charts…</source>
        <translation>모든 차트 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>Every chart as PNG (2×, 3×), SVG, PDF and CSV, and the scene, into one folder</source>
        <translation>모든 차트를 PNG(2×, 3×), SVG, PDF, CSV로, 흐름 장면과 함께 한 폴더에 저장합니다</translation>
    </message>
    <message>
        <source>&amp;Copy image</source>
        <translation>이미지 복사(&amp;C)</translation>
    </message>
    <message>
        <source>Copied to the clipboard</source>
        <translation>클립보드에 복사함</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>실행(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Start / Stop</source>
        <translation>시작 / 정지(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Pause / Resume</source>
        <translation>일시 정지 / 재개(&amp;P)</translation>
    </message>
    <message>
        <source>Toggle &amp;sync</source>
        <translation>동기화 켜기/끄기(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Kill selected worker</source>
        <translation>선택한 워커 종료(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>레슨(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Lecture theme</source>
        <translation>강의 테마(&amp;L)</translation>
    </message>
    <message>
        <source>White background, large fonts, thick lines: for projectors and slides</source>
        <translation>흰 배경, 큰 글꼴, 굵은 선: 프로젝터와 슬라이드용</translation>
    </message>
    <message>
        <source>&amp;Presenter mode</source>
        <translation>발표자 모드(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;What am I looking at?</source>
        <translation>지금 무엇을 보고 있나요?(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;About IPC Lab</source>
        <translation>IPC Lab 정보(&amp;A)</translation>
    </message>
    <message>
        <source>%1 over %2</source>
        <translation>%2 위의 %1</translation>
    </message>
    <message>
        <source>Race with %1 workers</source>
        <translation>워커 %1개의 경쟁</translation>
    </message>
    <message>
        <source> vs %1</source>
        <translation> 대 %1</translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation>%1 실행 중…</translation>
    </message>
    <message>
        <source>Running %1: worker PIDs %2</source>
        <translation>%1 실행 중: 워커 PID %2</translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation>%1 시작</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>재개됨</translation>
    </message>
    <message>
        <source>Sync ON (%1)</source>
        <translation>동기화 켬 (%1)</translation>
    </message>
    <message>
        <source>Sync OFF</source>
        <translation>동기화 끔</translation>
    </message>
    <message>
        <source>Synchronization on: %1</source>
        <translation>동기화 켬: %1</translation>
    </message>
    <message>
        <source>Synchronization off: watch the collisions</source>
        <translation>동기화 끔: 충돌을 지켜보세요</translation>
    </message>
    <message>
        <source>Select a worker in the process table first</source>
        <translation>먼저 프로세스 표에서 워커를 선택하세요</translation>
    </message>
    <message>
        <source>Sent SIGKILL to worker %1</source>
        <translation>워커 %1에 SIGKILL을 보냄</translation>
    </message>
    <message>
        <source>Each process has its own address space: the same virtual address, two different memories.</source>
        <translation>프로세스마다 자신만의 주소 공간이 있습니다: 같은 가상 주소, 서로 다른 두 메모리.</translation>
    </message>
    <message>
        <source>Process PID %1 wrote %2 to its private variable at %3 and reads back %4 (physical frame %5)</source>
        <translation>PID %1 프로세스가 %3에 있는 자기 변수에 %2를 쓰고 %4를 다시 읽습니다 (물리 프레임 %5)</translation>
    </message>
    <message>
        <source>Shared memory: one region the kernel mapped into both address spaces.</source>
        <translation>공유메모리: 커널이 두 주소 공간에 매핑한 하나의 영역.</translation>
    </message>
    <message>
        <source>Process PID %1 wrote %2 into the shared segment at %3; it reads %4, written by the other process</source>
        <translation>PID %1 프로세스가 %3의 공유 세그먼트에 %2를 썼고, 다른 프로세스가 쓴 %4를 읽습니다</translation>
    </message>
    <message>
        <source>Same address, private values kept apart; shared values cross. Measured, not simulated.</source>
        <translation>같은 주소에서 개인 값은 따로 유지되고 공유 값은 건너갑니다. 시뮬레이션이 아니라 측정입니다.</translation>
    </message>
    <message>
        <source>Isolation finished: %1 processes reported</source>
        <translation>격리 실험 완료: 프로세스 %1개가 보고함</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>오류: %1</translation>
    </message>
    <message>
        <source>Exported %1 files to %2</source>
        <translation>파일 %1개를 %2에 내보냄</translation>
    </message>
    <message>
        <source>Export all charts into</source>
        <translation>모든 차트를 내보낼 폴더</translation>
    </message>
    <message>
        <source>About IPC Lab</source>
        <translation>IPC Lab 정보</translation>
    </message>
    <message>
        <source>&lt;h3&gt;IPC Lab %1&lt;/h3&gt;&lt;p&gt;Inter-process communication, run for real: worker processes exchange data through shared memory, pipes, FIFOs, sockets, message queues and files, and every number shown is measured on this machine.&lt;/p&gt;&lt;p&gt;Qt %2 · C++20&lt;/p&gt;</source>
        <translation>&lt;h3&gt;IPC Lab %1&lt;/h3&gt;&lt;p&gt;실제로 실행되는 프로세스 간 통신: 워커 프로세스가 공유메모리, 파이프, FIFO, 소켓, 메시지 큐, 파일로 데이터를 주고받으며, 보이는 모든 숫자는 이 컴퓨터에서 측정한 값입니다.&lt;/p&gt;&lt;p&gt;Qt %2 · C++20&lt;/p&gt;</translation>
    </message>
    <message>
        <source>What am I looking at?</source>
        <translation>지금 무엇을 보고 있나요?</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Each process has its own address space&lt;/b&gt;: one cannot read another&apos;s memory, so the operating system offers IPC.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Shared memory&lt;/b&gt;: the processes ask the kernel once for a shared region and then read and write it as plain memory. Fast, no system call per message (watch the counter), but concurrent writes collide unless the processes synchronize: flip the sync switch off (S) and watch the integrity chart.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Message passing&lt;/b&gt; (pipe, FIFO, socket, message queue, file): every message goes down into the kernel by a system call and back up by another; the kernel copies and synchronizes, so nothing collides. Simpler, slower, good for small data. The sweep shows where shared memory stops winning by much.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;프로세스는 각자 독립적인 주소 공간을 갖습니다&lt;/b&gt;: 다른 프로세스의 메모리를 읽을 수 없으므로 운영체제가 IPC를 제공합니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;공유메모리&lt;/b&gt;: 프로세스가 커널에 공유 영역을 한 번 요청한 뒤에는 일반 메모리처럼 읽고 씁니다. 빠르고 메시지마다 시스템 콜이 없지만(카운터를 보세요), 프로세스가 동기화하지 않으면 동시 쓰기가 충돌합니다: 동기화 스위치를 끄고(S) 무결성 차트를 보세요.&lt;/p&gt;&lt;p&gt;&lt;b&gt;메시지 전달&lt;/b&gt;(파이프, FIFO, 소켓, 메시지 큐, 파일): 모든 메시지가 시스템 콜로 커널에 내려갔다가 다른 시스템 콜로 올라옵니다. 커널이 복사하고 동기화하므로 충돌이 없습니다. 더 단순하고 느리며, 적은 양의 데이터에 유용합니다. 스윕은 공유메모리의 우위가 어디서 크게 줄어드는지 보여줍니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Lesson %1: %2</source>
        <translation>레슨 %1: %2</translation>
    </message>
    <message>
        <source>Ignored saved settings: %1</source>
        <translation>저장된 설정을 무시함: %1</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>언어(&amp;G)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <source>Language set; it changes the next time IPC Lab starts.</source>
        <translation>언어를 설정했습니다. IPC Lab을 다음에 시작할 때 바뀝니다.</translation>
    </message>
    <message>
        <source>The language changes when IPC Lab starts again. Restart now? A running experiment stops; the charts of this run are not kept.</source>
        <translation>언어는 IPC Lab을 다시 시작할 때 바뀝니다. 지금 다시 시작할까요? 실행 중인 실험은 멈추고, 이번 실행의 차트는 남지 않습니다.</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>지금 다시 시작</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>나중에</translation>
    </message>
    <message>
        <source>S: sync on/off · M: next primitive · T: next transport · O: slow motion</source>
        <translation>S: 동기화 켜기/끄기 · M: 다음 기본 요소 · T: 다음 전송 방식 · O: 슬로 모션</translation>
    </message>
    <message>
        <source>The number this experiment is about, measured live</source>
        <translation>이 실험이 보여주는 숫자, 실시간 측정</translation>
    </message>
    <message>
        <source>Next sync pri&amp;mitive</source>
        <translation>다음 동기화 기본 요소(&amp;M)</translation>
    </message>
    <message>
        <source>mutex → spin lock → semaphore → atomic, while the workers run</source>
        <translation>뮤텍스 → 스핀 락 → 세마포어 → 원자 연산, 워커가 실행되는 동안</translation>
    </message>
    <message>
        <source>Next &amp;transport</source>
        <translation>다음 전송 방식(&amp;T)</translation>
    </message>
    <message>
        <source>The next transport; a running stream restarts on it</source>
        <translation>다음 전송 방식; 실행 중인 스트림은 그 방식으로 다시 시작합니다</translation>
    </message>
    <message>
        <source>Sl&amp;ow motion on/off</source>
        <translation>슬로 모션 켜기/끄기(&amp;O)</translation>
    </message>
    <message>
        <source>2 messages per second per producer, every token a real message; again: full speed</source>
        <translation>생산자당 초당 메시지 2개, 모든 토큰이 실제 메시지; 다시 누르면 최대 속도</translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <translation>차트(&amp;C)</translation>
    </message>
    <message>
        <source>Which live charts to show: all four need a large window; one chart fills the page</source>
        <translation>보여줄 실시간 차트: 네 개 모두는 큰 창이 필요하고, 하나만 고르면 페이지를 채웁니다</translation>
    </message>
    <message>
        <source>All four (when they fit)</source>
        <translation>네 개 모두 (들어갈 때)</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>처리량</translation>
    </message>
    <message>
        <source>Lock contention</source>
        <translation>잠금 경합</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>무결성</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>지연</translation>
    </message>
    <message>
        <source>The sync primitive matters only for shared memory and races</source>
        <translation>동기화 기본 요소는 공유메모리와 경쟁 실험에서만 의미가 있습니다</translation>
    </message>
    <message>
        <source>This experiment has no transport to choose</source>
        <translation>이 실험에는 고를 전송 방식이 없습니다</translation>
    </message>
    <message>
        <source>Transport: %1</source>
        <translation>전송 방식: %1</translation>
    </message>
    <message>
        <source>Slow motion applies to streams</source>
        <translation>슬로 모션은 스트림에만 적용됩니다</translation>
    </message>
    <message>
        <source>no lock: the kernel synchronizes</source>
        <translation>잠금 없음: 커널이 동기화함</translation>
    </message>
    <message>
        <source>SYNC ON · %1</source>
        <translation>동기화 켬 · %1</translation>
    </message>
    <message>
        <source>SYNC OFF</source>
        <translation>동기화 끔</translation>
    </message>
    <message>
        <source>Save slide %1×%2 (lecture theme)…</source>
        <translation>슬라이드로 저장 %1×%2 (강의 테마)…</translation>
    </message>
    <message>
        <source>An export is still running</source>
        <translation>내보내기가 아직 진행 중입니다</translation>
    </message>
    <message>
        <source>Could not create %1</source>
        <translation>%1을(를) 만들 수 없습니다</translation>
    </message>
    <message>
        <source>Not exported: %1 has no data</source>
        <translation>내보내지 않음: %1에 데이터가 없습니다</translation>
    </message>
    <message>
        <source>&amp;Open lesson file…</source>
        <translation>레슨 파일 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>A lesson of your own: the same JSON as the built-in ones, saved as *.ipclab-lesson</source>
        <translation>직접 만든 레슨: 기본 레슨과 같은 JSON을 *.ipclab-lesson으로 저장한 파일</translation>
    </message>
    <message>
        <source>Open lesson file</source>
        <translation>레슨 파일 열기</translation>
    </message>
    <message>
        <source>IPC Lab lessons (*.%1 *.json)</source>
        <translation>IPC Lab 레슨 (*.%1 *.json)</translation>
    </message>
    <message>
        <source>Measurement cancelled.</source>
        <translation>측정을 취소했습니다.</translation>
    </message>
    <message>
        <source>Lesson %1: the claim %2 (%3 = %4)</source>
        <translation>레슨 %1: 주장이 %2 (%3 = %4)</translation>
    </message>
    <message>
        <source>Lesson %1: %2. Space runs it live; Ctrl+Shift+R exports the report.</source>
        <translation>레슨 %1: %2. Space로 실시간 실행, Ctrl+Shift+R로 보고서를 내보냅니다.</translation>
    </message>
    <message>
        <source>Lesson &amp;card / live scene</source>
        <translation>레슨 카드 / 실시간 장면(&amp;C)</translation>
    </message>
    <message>
        <source>Switch between the lesson&apos;s question or verdict and the live scene</source>
        <translation>레슨의 질문·판정과 실시간 장면 사이를 전환합니다</translation>
    </message>
    <message>
        <source>Export lesson &amp;report…</source>
        <translation>레슨 보고서 내보내기(&amp;R)…</translation>
    </message>
    <message>
        <source>The verdict on one page (PDF or PNG): claim, prediction, verdict, numbers and chart</source>
        <translation>판정을 한 페이지로(PDF 또는 PNG): 주장, 예측, 판정, 숫자와 차트</translation>
    </message>
    <message>
        <source>Export &amp;predictions (CSV)…</source>
        <translation>예측 내보내기(CSV)(&amp;P)…</translation>
    </message>
    <message>
        <source>Every prediction and measured verdict so far, one row per lesson done</source>
        <translation>지금까지의 모든 예측과 측정된 판정, 마친 레슨마다 한 행</translation>
    </message>
    <message>
        <source>Lesson measurement cancelled: a live run was started</source>
        <translation>레슨 측정을 취소했습니다: 실시간 실행이 시작되었습니다</translation>
    </message>
    <message>
        <source>Lesson %1: predict, then it is measured. Space skips to the live run.</source>
        <translation>레슨 %1: 예측하면 측정합니다. Space는 실시간 실행으로 넘어갑니다.</translation>
    </message>
    <message>
        <source>Lesson %1: predicted %2; measuring</source>
        <translation>레슨 %1: 예측 %2, 측정 중</translation>
    </message>
    <message>
        <source>Lesson %1: question skipped; measuring</source>
        <translation>레슨 %1: 질문 건너뜀, 측정 중</translation>
    </message>
    <message numerus="yes">
        <source>Lesson %1: measuring %n experiment(s) on this machine…</source>
        <translation>
            <numerusform>레슨 %1: 이 컴퓨터에서 실험 %n개를 측정하는 중…</numerusform>
        </translation>
    </message>
    <message>
        <source>No verdict to export yet: answer the lesson&apos;s question (or skip it) and let it measure.</source>
        <translation>아직 내보낼 판정이 없습니다: 레슨의 질문에 답하거나 건너뛰고 측정을 기다리세요.</translation>
    </message>
    <message>
        <source>Exported the lesson report to %1</source>
        <translation>레슨 보고서를 %1에 내보냈습니다</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1을 저장했습니다</translation>
    </message>
    <message>
        <source>Export lesson report</source>
        <translation>레슨 보고서 내보내기</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;PNG image, 1920x1080 (*.png)</source>
        <translation>PDF (*.pdf);;PNG 이미지, 1920x1080 (*.png)</translation>
    </message>
    <message>
        <source>Export predictions and results</source>
        <translation>예측과 결과 내보내기</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Space start/stop · S sync · M primitive · T transport · O slow motion · P pause · PgDn/PgUp lesson · Alt+1-4, K charts · F11 leave</source>
        <translation>Space 시작/정지 · S 동기화 · M 기본 요소 · T 전송 방식 · O 슬로 모션 · P 일시 정지 · PgDn/PgUp 레슨 · Alt+1-4, K 차트 · F11 나가기</translation>
    </message>
    <message>
        <source>&amp;Kernel&apos;s view (CPU, context switches)</source>
        <translation>커널의 시각(&amp;K) (CPU, 문맥 교환)</translation>
    </message>
    <message>
        <source>What the kernel counted for every worker: CPU in user mode and in the kernel, context switches</source>
        <translation>커널이 각 워커에 대해 센 것: 사용자 모드와 커널의 CPU, 문맥 교환</translation>
    </message>
    <message>
        <source>1 CPU hog running beside the workers</source>
        <translation>워커 옆에서 CPU 점유자 1개 실행 중</translation>
    </message>
    <message>
        <source>%1 CPU hogs running beside the workers</source>
        <translation>워커 옆에서 CPU 점유자 %1개 실행 중</translation>
    </message>
    <message>
        <source>Waiting: %1</source>
        <translation>대기 방식: %1</translation>
    </message>
    <message>
        <source>Ring waiters now: %1</source>
        <translation>이제 링 대기 방식: %1</translation>
    </message>
    <message>
        <source>Next &amp;waiting policy</source>
        <translation>다음 대기 방식(&amp;W)</translation>
    </message>
    <message>
        <source>The waiting policy applies to shared-memory streams and ping-pong</source>
        <translation>대기 방식은 공유메모리 스트림과 핑퐁에만 적용됩니다</translation>
    </message>
    <message>
        <source>spin → spin, then sleep → sleep: how shared-memory workers wait on a full or empty ring, live</source>
        <translation>스핀 → 스핀 후 잠들기 → 바로 잠들기: 링이 가득 차거나 비었을 때 공유메모리 워커가 기다리는 방식, 실행 중에</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>타임라인</translation>
    </message>
    <message>
        <source>&amp;Timeline (who does what, when)</source>
        <translation>타임라인(&amp;T) (누가 언제 무엇을)</translation>
    </message>
    <message>
        <source>Time &amp;per message (user, kernel, off CPU)</source>
        <translation>메시지당 시간(&amp;P) (사용자, 커널, CPU 밖)</translation>
    </message>
    <message>
        <source>Where one message&apos;s time goes on each side of a stream, from the kernel&apos;s accounting and clocked calls</source>
        <translation>스트림의 각 쪽에서 메시지 하나의 시간이 어디에 쓰이는지: 커널의 집계와 잰 호출 시간으로</translation>
    </message>
    <message>
        <source>Recording to %1 stopped: %2</source>
        <translation>%1(으)로의 녹화가 멈췄습니다: %2</translation>
    </message>
    <message>
        <source>Open &amp;recording…</source>
        <translation>녹화 열기(&amp;R)…</translation>
    </message>
    <message>
        <source>Replay a recorded run (*.ipclab): scene, charts, processes and events as they were</source>
        <translation>녹화된 실행(*.ipclab)을 다시 봅니다: 장면, 차트, 프로세스, 이벤트를 그때 그대로</translation>
    </message>
    <message>
        <source>&amp;Record runs</source>
        <translation>실행 녹화(&amp;R)</translation>
    </message>
    <message>
        <source>Keep every live run in its own recording file (an SQLite file) for replay</source>
        <translation>모든 라이브 실행을 각자의 녹화 파일(SQLite 파일)로 남겨 다시 볼 수 있게 합니다</translation>
    </message>
    <message>
        <source>Replay: one sample back</source>
        <translation>다시 보기: 한 샘플 뒤로</translation>
    </message>
    <message>
        <source>Replay: one sample forward</source>
        <translation>다시 보기: 한 샘플 앞으로</translation>
    </message>
    <message>
        <source>IPC Lab recordings</source>
        <translation>IPC Lab 녹화</translation>
    </message>
    <message>
        <source>Recording: the next live run is kept in %1</source>
        <translation>녹화: 다음 라이브 실행이 %1에 저장됩니다</translation>
    </message>
    <message>
        <source>Recording off</source>
        <translation>녹화 꺼짐</translation>
    </message>
    <message>
        <source>Cannot record: the folder %1 cannot be made</source>
        <translation>녹화할 수 없습니다: 폴더 %1을(를) 만들 수 없습니다</translation>
    </message>
    <message>
        <source>● Recording to %1</source>
        <translation>● %1에 녹화 중</translation>
    </message>
    <message>
        <source>Cannot record: %1</source>
        <translation>녹화할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Recorded %1 samples to %2</source>
        <translation>샘플 %1개를 %2에 녹화했습니다</translation>
    </message>
    <message>
        <source>Cannot open the recording: %1</source>
        <translation>녹화를 열 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Replaying %1: Space plays and pauses, Left and Right step.</source>
        <translation>%1 다시 보는 중: Space는 재생과 일시 정지, 왼쪽과 오른쪽은 한 단계씩.</translation>
    </message>
    <message>
        <source>Opened recording %1</source>
        <translation>녹화 %1을(를) 열었습니다</translation>
    </message>
    <message>
        <source>Open recording</source>
        <translation>녹화 열기</translation>
    </message>
    <message>
        <source>IPC Lab recordings (*%1);;All files (*)</source>
        <translation>IPC Lab 녹화 (*%1);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Export &amp;animation…</source>
        <translation>애니메이션 내보내기(&amp;A)…</translation>
    </message>
    <message>
        <source>The scene, a chart or the window as an animated GIF or a video (MP4, WebM), from the live run or a replay</source>
        <translation>장면, 차트 또는 창 전체를 애니메이션 GIF나 동영상(MP4, WebM)으로: 라이브 실행이나 다시 보기에서</translation>
    </message>
    <message>
        <source>The scene</source>
        <translation>장면</translation>
    </message>
    <message>
        <source>Throughput chart</source>
        <translation>처리량 차트</translation>
    </message>
    <message>
        <source>The whole window</source>
        <translation>창 전체</translation>
    </message>
    <message>
        <source>Exporting %1 s of %2 to %3</source>
        <translation>%2의 %1초를 %3(으)로 내보내는 중</translation>
    </message>
    <message>
        <source>Export animation</source>
        <translation>애니메이션 내보내기</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>%1 frames/s</source>
        <translation>초당 %1 프레임</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 초</translation>
    </message>
    <message>
        <source>&amp;What</source>
        <translation>대상(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Size</source>
        <translation>크기(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Frame rate</source>
        <translation>프레임 속도(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Length</source>
        <translation>길이(&amp;L)</translation>
    </message>
    <message>
        <source>Recorded as it plays now: start the run or the replay first. Encoding takes CPU: on a small machine a live run slows while it records; a replay keeps its recorded numbers.</source>
        <translation>지금 재생되는 그대로 녹화합니다: 먼저 실행이나 다시 보기를 시작하세요. 인코딩은 CPU를 씁니다: 작은 컴퓨터에서는 라이브 실행이 녹화 중에 느려집니다. 다시 보기는 녹화된 숫자를 그대로 유지합니다.</translation>
    </message>
    <message>
        <source>Animated GIF (*.gif);;MP4 video (*.mp4);;WebM video (*.webm)</source>
        <translation>애니메이션 GIF (*.gif);;MP4 동영상 (*.mp4);;WebM 동영상 (*.webm)</translation>
    </message>
    <message>
        <source>Recording the animation…</source>
        <translation>애니메이션 녹화 중…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Compare &amp;with recording…</source>
        <translation>녹화와 비교(&amp;W)…</translation>
    </message>
    <message>
        <source>While replaying: a second recording beside it (another machine, sync on vs off), charts overlaid</source>
        <translation>다시 보기 중: 두 번째 녹화를 옆에 (다른 컴퓨터, 동기화 켬과 끔), 차트는 겹쳐서</translation>
    </message>
    <message>
        <source>Cannot compare: %1</source>
        <translation>비교할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Comparing with recording %1</source>
        <translation>녹화 %1과(와) 비교 중</translation>
    </message>
    <message>
        <source>Open a recording first (File &gt; Open recording), then the one to compare it with.</source>
        <translation>먼저 녹화를 여세요 (파일 &gt; 녹화 열기), 그다음 비교할 녹화를 여세요.</translation>
    </message>
    <message>
        <source>Compare with recording</source>
        <translation>녹화와 비교</translation>
    </message>
    <message>
        <source>Lesson text hidden: this run is not the lesson&apos;s experiment (Lessons menu: the lesson again)</source>
        <translation>레슨 설명을 숨겼습니다: 이 실행은 레슨의 실험이 아닙니다 (레슨 메뉴에서 레슨을 다시 고르면 보입니다)</translation>
    </message>
</context>
<context>
    <name>ipclab::ui::ProcessPanel</name>
    <message>
        <source>The real worker processes; select one and press Kill worker</source>
        <translation>실제 워커 프로세스입니다. 하나를 선택하고 워커 종료를 누르세요</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>프로세스</translation>
    </message>
    <message>
        <source>What happened: sync changes, acknowledgements, deaths, errors</source>
        <translation>일어난 일: 동기화 변경, 확인, 종료, 오류</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>이벤트</translation>
    </message>
</context>
<context>
    <name>ipclab::ui::ProcessTableModel</name>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>전송 방식</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>역할</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>msgs/s</source>
        <translation>메시지/s</translation>
    </message>
    <message>
        <source>Sync in use</source>
        <translation>사용 중인 동기화</translation>
    </message>
    <message>
        <source>The real process ID: look it up with ps or top</source>
        <translation>실제 프로세스 ID: ps나 top으로 확인해 보세요</translation>
    </message>
    <message>
        <source>Messages (or updates) per second of this process over the last half second</source>
        <translation>최근 0.5초 동안 이 프로세스의 초당 메시지(또는 갱신) 수</translation>
    </message>
    <message>
        <source>The synchronization this worker acknowledged from the control block</source>
        <translation>이 워커가 제어 블록에서 확인한 동기화</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>CPU user %</source>
        <translation>CPU 사용자 %</translation>
    </message>
    <message>
        <source>CPU kernel %</source>
        <translation>CPU 커널 %</translation>
    </message>
    <message>
        <source>switches/s</source>
        <translation>교환/s</translation>
    </message>
    <message>
        <source>Share of one CPU this process ran its own code over the last second: counted by the kernel (/proc/PID/stat), not by IPC Lab</source>
        <translation>지난 1초 동안 이 프로세스가 자기 코드를 실행한 CPU 1개 대비 비율: IPC Lab이 아니라 커널이 셉니다 (/proc/PID/stat)</translation>
    </message>
    <message>
        <source>Share of one CPU this process spent inside the kernel (system calls) over the last second: counted by the kernel, not by IPC Lab</source>
        <translation>지난 1초 동안 이 프로세스가 커널 안(시스템 콜)에서 쓴 CPU 1개 대비 비율: IPC Lab이 아니라 커널이 셉니다</translation>
    </message>
    <message>
        <source>Context switches per second, counted by the kernel: voluntary (the process waited: a blocking read, a futex) / involuntary (the scheduler preempted it)</source>
        <translation>커널이 센 초당 문맥 교환: 자발적 (프로세스가 기다림: 블로킹 read, futex) / 비자발적 (스케줄러가 선점함)</translation>
    </message>
    <message>
        <source>CPU hog</source>
        <translation>CPU 점유자</translation>
    </message>
    <message>
        <source>burning CPU</source>
        <translation>CPU 소모 중</translation>
    </message>
    <message>
        <source>PID %1: %2 over %3, %4</source>
        <translation>PID %1: %3 위의 %2, %4</translation>
    </message>
    <message>
        <source>(what the worker is doing right now, as it wrote into its telemetry slot)</source>
        <translation>(워커가 지금 하고 있는 일: 워커가 자기 텔레메트리 슬롯에 기록한 값)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ipclab::ui::ReplayBar</name>
    <message>
        <source>Previous mark (sync switched, worker killed, …)</source>
        <translation>이전 표시 (동기화 전환, 워커 종료 등)</translation>
    </message>
    <message>
        <source>One sample back (Left)</source>
        <translation>한 샘플 뒤로 (왼쪽)</translation>
    </message>
    <message>
        <source>Play / pause (Space)</source>
        <translation>재생 / 일시 정지 (Space)</translation>
    </message>
    <message>
        <source>One sample forward (Right)</source>
        <translation>한 샘플 앞으로 (오른쪽)</translation>
    </message>
    <message>
        <source>Next mark</source>
        <translation>다음 표시</translation>
    </message>
    <message>
        <source>Where in the recording: drag to jump</source>
        <translation>녹화의 어디쯤인지: 끌어서 이동</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Replay speed</source>
        <translation>다시 보기 속도</translation>
    </message>
    <message>
        <source>Close replay</source>
        <translation>다시 보기 닫기</translation>
    </message>
    <message>
        <source>Back to live runs</source>
        <translation>라이브 실행으로 돌아가기</translation>
    </message>
    <message>
        <source>&lt;b&gt;Replay&lt;/b&gt; of %1, recorded %2 on %3 (%4, %5 CPUs, %6). No worker runs: every number is the one measured then.</source>
        <translation>&lt;b&gt;다시 보기&lt;/b&gt;: %1, %2에 %3에서 녹화 (%4, CPU %5개, %6). 워커는 실행되지 않습니다: 모든 숫자는 그때 측정한 값입니다.</translation>
    </message>
    <message>
        <source>%1 / %2 s</source>
        <translation>%1 / %2 초</translation>
    </message>
    <message>
        <source>Beside it: %1, recorded %2 on %3 (%4, %5 CPUs).</source>
        <translation>옆에: %1, %2에 %3에서 녹화 (%4, CPU %5개).</translation>
    </message>
</context>
<context>
    <name>ipclab::ui::ReplayController</name>
    <message>
        <source>Open a recording first, then the one to compare it with</source>
        <translation>먼저 녹화를 열고, 그다음 비교할 녹화를 여세요</translation>
    </message>
    <message>
        <source>This recording already compares two lanes</source>
        <translation>이 녹화는 이미 두 레인을 비교합니다</translation>
    </message>
    <message>
        <source>%1 is a %2 run, the open one a %3 run: only runs of one kind compare on the same axes</source>
        <translation>%1은(는) %2 실행이고 열린 것은 %3 실행입니다: 같은 종류의 실행만 같은 축에서 비교됩니다</translation>
    </message>
</context>
<context>
    <name>ipclab::ui::RunController</name>
    <message>
        <source>sync on (%1)</source>
        <translation>동기화 켬 (%1)</translation>
    </message>
    <message>
        <source>sync off</source>
        <translation>동기화 끔</translation>
    </message>
    <message>
        <source>Paused: workers sleep on the control block&apos;s futex</source>
        <translation>일시 정지: 워커가 제어 블록의 futex에서 잠듭니다</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>재개됨</translation>
    </message>
    <message>
        <source>%1 worker %2 (%3) %4</source>
        <translation>%1 워커 %2 (%3) %4</translation>
    </message>
    <message>
        <source>worker %1 died</source>
        <translation>워커 %1 종료됨</translation>
    </message>
    <message>
        <source>no lock: the kernel synchronizes</source>
        <translation>잠금 없음: 커널이 동기화함</translation>
    </message>
    <message>
        <source>1 CPU hog</source>
        <translation>CPU 점유자 1개</translation>
    </message>
    <message>
        <source>%1 CPU hogs</source>
        <translation>CPU 점유자 %1개</translation>
    </message>
    <message>
        <source>waiting: %1</source>
        <translation>대기: %1</translation>
    </message>
</context>
<context>
    <name>ipclab::ui::SweepChart</name>
    <message>
        <source>Throughput vs message size (run a sweep)</source>
        <translation>메시지 크기별 처리량 (스윕을 실행하세요)</translation>
    </message>
    <message>
        <source>message size (bytes, log)</source>
        <translation>메시지 크기 (바이트, 로그)</translation>
    </message>
    <message>
        <source>MB/s (log)</source>
        <translation>MB/s (로그)</translation>
    </message>
    <message>
        <source>crossover: shared memory less than 2x ahead from %1</source>
        <translation>교차점: %1부터 공유메모리 우위 2배 미만</translation>
    </message>
    <message>
        <source>Throughput vs message size: where does shared memory stop winning by much?</source>
        <translation>메시지 크기별 처리량: 공유메모리의 큰 우위는 어디서 끝날까요?</translation>
    </message>
    <message>
        <source>shared memory + mutex per message</source>
        <translation>공유 메모리 + 메시지마다 뮤텍스</translation>
    </message>
    <message>
        <source>shared memory (lock-free)</source>
        <translation>공유 메모리 (락 없음)</translation>
    </message>
    <message>
        <source>%1: %2×</source>
        <translation>%1: %2×</translation>
    </message>
    <message>
        <source>shared memory ÷ best message passing (msgs/s): %1</source>
        <translation>공유 메모리 ÷ 가장 빠른 메시지 전달 (msgs/s): %1</translation>
    </message>
</context>
<context>
    <name>ipclab::ui::SyncSwitch</name>
    <message>
        <source>Synchronization</source>
        <translation>동기화</translation>
    </message>
    <message>
        <source>SYNC OFF</source>
        <translation>동기화 끔</translation>
    </message>
    <message>
        <source>SYNC ON</source>
        <translation>동기화 켬</translation>
    </message>
</context>
<context>
    <name>ipclab::ui::TimeChart</name>
    <message>
        <source>time (s)</source>
        <translation>시간 (s)</translation>
    </message>
    <message>
        <source>updates/s</source>
        <translation>갱신/s</translation>
    </message>
    <message>
        <source>round trips/s</source>
        <translation>왕복/s</translation>
    </message>
</context>
<context>
    <name>ipclab::ui::TimelineItem</name>
    <message>
        <source>Who does what, when</source>
        <translation>누가 언제 무엇을</translation>
    </message>
    <message>
        <source>Start a run: one lane per worker process appears here.</source>
        <translation>실행을 시작하세요: 워커 프로세스마다 한 줄이 여기 나타납니다.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>lane %1: %2</source>
        <translation>레인 %1: %2</translation>
    </message>
    <message>
        <source>time (s)</source>
        <translation>시간 (s)</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>죽음</translation>
    </message>
    <message>
        <source>Each worker&apos;s state as it published it, sampled 30 times a second; the lock&apos;s holder from the lock itself.</source>
        <translation>각 워커가 게시한 상태, 초당 30번 샘플링; 잠금 보유자는 잠금 자체에서.</translation>
    </message>
    <message>
        <source>Slow motion: every state change exactly when each worker logged it.</source>
        <translation>슬로 모션: 각 워커가 기록한 그대로, 모든 상태 변화를 정확한 시각에 표시합니다.</translation>
    </message>
    <message>
        <source>PID %1 %2: %3, %4–%5 s (%6 ms); its count went from %7 to %8 in it</source>
        <translation>PID %1 %2: %3, %4–%5 초 (%6 ms); 그동안 카운트가 %7에서 %8로</translation>
    </message>
</context>
</TS>
