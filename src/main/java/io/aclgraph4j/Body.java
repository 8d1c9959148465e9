package io.aclgraph4j;

import java.util.List;
import java.util.function.Consumer;

/**
 * One body of a conditional task while its lambda captures it: issue the body's tasks on
 * {@link #stream()}. A body is itself a {@link ConditionalScope}, so branches and loops nest.
 * It is usable only inside its lambda; afterwards every method throws IllegalStateException.
 */
public final class Body implements ConditionalScope {
    private final Conditionals scope;
    private final int index;

    Body(Conditionals scope, int index) {
        this.scope = scope;
        this.index = index;
    }

    /**
     * The stream that captures this body: issue the body's copies and operator launches on it.
     *
     * @return a stream of the capture's device, capturing this body until its lambda returns
     */
    public Stream stream() {
        scope.checkUsable("Body.stream");
        return scope.stream();
    }

    /**
     * Which body of its task this is.
     *
     * @return 0 for THEN, the loop's body and the first case; 1 for ELSE and the second case; ...
     */
    public int index() {
        return index;
    }

    @Override
    public Condition condition() {
        return scope.condition("Body.condition", 0, false);
    }

    @Override
    public Condition conditionResetTo(long value) {
        return scope.condition("Body.conditionResetTo", value, true);
    }

    @Override
    public void ifThen(Condition condition, Consumer<Body> then) {
        scope.conditional("Body.ifThen", ConditionType.IF, condition, Conditionals.bodies(then));
    }

    @Override
    public void ifElse(Condition condition, Consumer<Body> then, Consumer<Body> otherwise) {
        scope.conditional("Body.ifElse", ConditionType.IF, condition, Conditionals.bodies(then, otherwise));
    }

    @Override
    public void whileLoop(Condition condition, Consumer<Body> body) {
        scope.conditional("Body.whileLoop", ConditionType.WHILE, condition, Conditionals.bodies(body));
    }

    @Override
    public void switchOn(Condition condition, List<Consumer<Body>> cases) {
        scope.conditional("Body.switchOn", ConditionType.SWITCH, condition, Conditionals.cases("Body.switchOn", cases));
    }

    /** {@code "body 1 of IF Condition#2 on device 0 (ended)"}. */
    @Override
    public String toString() {
        return scope.toString();
    }
}
