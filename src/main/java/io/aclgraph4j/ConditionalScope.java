package io.aclgraph4j;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where conditional tasks are captured (CANN 9.1's conditional sub-graphs,
 * {@link Feature#CONDITIONAL_GRAPHS}): a {@link Capture}, or the {@link Body} of a conditional task
 * being captured, so that branches and loops nest.
 *
 * <p>A conditional task reads its {@link Condition}'s value (64 bits in device memory) when a
 * replay reaches it and runs some of its bodies: sub-graphs captured from Java lambdas, each given
 * a {@link Body} whose {@link Body#stream() stream} takes the body's tasks. Every body is captured
 * once, at once, while the method runs; the model replays them as the value decides. What a body's
 * tasks use (tensors, buffers, executors) is kept until the model is closed, like the rest of the
 * capture, so the lambdas may close their objects before they return.
 *
 * <pre>{@code
 * try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
 *     Condition useFast = capture.condition();          // set from the host between replays
 *     capture.ifElse(useFast,
 *             then -> fast.launch(then.stream()),
 *             otherwise -> slow.launch(otherwise.stream()));
 *     model = capture.end();
 *     useFast.set(1);                                    // the next replays take the fast path
 * }
 * }</pre>
 *
 * <p>Scopes are used innermost first: while a body's lambda runs, its enclosing scopes refuse new
 * conditions and tasks (add them to the body). A condition belongs to the scope that made it and
 * decides one task of that scope.
 */
public sealed interface ConditionalScope permits Capture, Body {

    /**
     * A condition of this scope whose value (initially 0) stays what the host ({@link Condition#set})
     * or a captured task ({@link Condition#copyFromAsync}) wrote last.
     *
     * @return the condition; it lives as long as the model
     */
    Condition condition();

    /**
     * A condition of this scope whose value becomes {@code value} at the launch of every replay
     * ({@code ACL_MODEL_RI_COND_HANDLE_ASSIGN_DEFAULT}): a loop counter that restarts each time.
     *
     * @param value 0 to 4294967295
     * @return the condition; it lives as long as the model
     */
    Condition conditionResetTo(long value);

    /**
     * An IF without ELSE: {@code then} runs when the condition's value is non-zero.
     *
     * @param condition a condition of this scope not used by another task
     * @param then captures the body on the stream it is given
     */
    void ifThen(Condition condition, Consumer<Body> then);

    /**
     * An IF/ELSE: {@code then} runs when the condition's value is non-zero, else {@code otherwise}.
     *
     * @param condition a condition of this scope not used by another task
     * @param then captures the first body on the stream it is given
     * @param otherwise captures the second body
     */
    void ifElse(Condition condition, Consumer<Body> then, Consumer<Body> otherwise);

    /**
     * A WHILE loop: the body runs as long as the condition's value is non-zero, tested before each
     * run. Something must bring the value to 0 (a task of the body copying it with
     * {@link Condition#copyFromAsync}, or the host), or the replay never ends.
     *
     * @param condition a condition of this scope not used by another task
     * @param body captures the loop's body on the stream it is given
     */
    void whileLoop(Condition condition, Consumer<Body> body);

    /**
     * A SWITCH: case {@code value} runs when the condition's value is below the number of cases,
     * else none.
     *
     * @param condition a condition of this scope not used by another task
     * @param cases one lambda per case (at least one), each capturing its body
     */
    void switchOn(Condition condition, List<Consumer<Body>> cases);
}
